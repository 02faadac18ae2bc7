#!/usr/bin/env python3
"""Generates the gazetteer compiled into wirewatch_text.

Sources (read at generation time, not at build or run time):
  * Debian package iso-codes: /usr/share/iso-codes/json/iso_3166-1.json
    (country names, official and common names; LGPL-2.1+).
  * npm package world-countries (ODbL-1.0): countries.json, for common names,
    capitals and English demonyms. Fetch it with `npm pack world-countries`
    and pass the path of package/countries.json.
  * Hand-written lists below (regions, organisations, extra aliases), written
    for this project.

Output: data/gazetteers/gazetteer.tsv (name, type, ISO alpha-2, canonical) and
src/text/gazetteer_data.inc (the same TSV as a C++ raw string literal).

Usage:
  cd /tmp && npm pack world-countries && tar xzf world-countries-*.tgz
  python3 scripts/gen_gazetteer.py --world-countries /tmp/package/countries.json
"""
import argparse
import json
import os

ISO = "/usr/share/iso-codes/json/iso_3166-1.json"

# Short names used in news copy, where iso-codes / world-countries differ.
ALIASES = {
    "US": ["U.S.", "US", "USA", "U.S.A.", "America", "United States of America",
           "the United States"],
    "GB": ["Britain", "Great Britain", "UK", "U.K.", "England", "Scotland",
           "Wales"],
    "RU": ["Russian Federation"],
    "SY": ["Syrian Arab Republic"],
    "KR": ["South Korea"], "KP": ["North Korea"],
    "IR": ["Iran"], "CZ": ["Czech Republic"], "VN": ["Vietnam"],
    "CD": ["Congo", "Zaire"], "CI": ["Ivory Coast"], "MM": ["Burma"],
    "NL": ["Holland"], "TW": ["Taiwan"], "PS": ["Palestine"],
    "VA": ["Vatican"], "BA": ["Bosnia"], "MK": ["Macedonia"],
    "AE": ["UAE", "U.A.E."], "LA": ["Laos"], "MD": ["Moldova"],
    "TZ": ["Tanzania"], "BO": ["Bolivia"], "VE": ["Venezuela"],
}
DEMONYM_EXTRA = {
    "US": ["American"], "GB": ["British", "Briton", "English", "Scottish",
                               "Welsh"],
    "NL": ["Dutch"], "FR": ["French"], "ES": ["Spanish", "Spaniard"],
    "DK": ["Danish", "Dane"], "SE": ["Swedish", "Swede"], "FI": ["Finnish", "Finn"],
    "PL": ["Polish", "Pole"], "TR": ["Turkish", "Turk"], "IE": ["Irish"],
    "CN": ["Chinese"], "JP": ["Japanese"], "PS": ["Palestinian"],
    "CH": ["Swiss"], "NZ": ["New Zealander"], "AF": ["Afghan"],
    "BD": ["Bangladeshi"], "PH": ["Filipino", "Philippine"],
    "KR": ["South Korean"], "KP": ["North Korean"], "CZ": ["Czech"],
    "SK": ["Slovak"], "SI": ["Slovenian", "Slovene"], "HR": ["Croatian", "Croat"],
    "RS": ["Serbian", "Serb"], "BA": ["Bosnian"], "LV": ["Latvian"],
    "IL": ["Israeli"], "IQ": ["Iraqi"], "SA": ["Saudi"], "YE": ["Yemeni"],
    "KW": ["Kuwaiti"], "QA": ["Qatari"], "OM": ["Omani"],
    "AE": ["Emirati"], "PK": ["Pakistani"], "AZ": ["Azeri", "Azerbaijani"],
    "GR": ["Greek"], "DE": ["German"], "IT": ["Italian"], "RU": ["Russian"],
    "SY": ["Syrian"], "UA": ["Ukrainian"], "BY": ["Belarusian", "Belarussian"],
}
# Regions and sub-national areas that news names as places (canonical = name).
REGIONS = [
    "Europe", "Asia", "Africa", "North America", "South America",
    "Latin America", "Middle East", "Near East", "Far East", "Caucasus",
    "North Caucasus", "Balkans", "Gulf", "Persian Gulf", "Central Asia",
    "Southeast Asia", "Scandinavia", "Eastern Europe", "Western Europe",
    "Arab world", "West Bank", "Gaza", "Gaza Strip", "Chechnya", "Dagestan",
    "Kashmir", "Kurdistan", "Siberia", "Crimea", "Sahel", "Sahara",
    "Mediterranean", "Pacific", "Atlantic", "Arctic", "Antarctica",
    "Golan Heights", "Sinai", "Darfur", "Tibet", "Xinjiang", "Punjab",
    "Bavaria", "Catalonia", "Ulster", "Texas", "California", "New York",
    "Washington", "London", "Moscow", "Damascus", "Aleppo", "Homs",
]
DEMONYM_REGIONS = {"European": "Europe", "Asian": "Asia", "African": "Africa",
                   "Arab": "Arab world", "Caucasian": "Caucasus",
                   "Chechen": "Chechnya", "Dagestani": "Dagestan",
                   "Kurdish": "Kurdistan", "Kurd": "Kurdistan",
                   "Latin American": "Latin America",
                   "Middle Eastern": "Middle East", "Western": "West",
                   "Balkan": "Balkans"}
# Organisations: canonical name -> aliases (written for this project).
ORGS = {
    "United Nations": ["UN", "U.N."], "NATO": ["North Atlantic Treaty Organization"],
    "European Union": ["EU", "E.U."], "European Commission": [],
    "Federal Security Service": ["FSB"], "Central Intelligence Agency": ["CIA"],
    "Federal Bureau of Investigation": ["FBI"], "KGB": [],
    "International Monetary Fund": ["IMF"], "World Bank": [],
    "World Trade Organization": ["WTO"], "OPEC": [], "Red Cross": [],
    "al-Qaida": ["al-Qaeda", "al Qaeda", "Al-Qaeda", "Al Qaeda", "al-Qaeda",
                 "Al-Qaida"],
    "Hamas": [], "Hezbollah": ["Hizbollah"], "Taliban": [],
    "Islamic State": ["ISIS", "ISIL"], "Muslim Brotherhood": [],
    "Reuters": [], "RIA Novosti": [], "Interfax": [], "ITAR-TASS": ["TASS"],
    "Agence France-Presse": ["AFP"], "Associated Press": ["AP"], "BBC": [],
    "CNN": [], "Al Jazeera": ["Al-Jazeera"], "Pentagon": [], "Kremlin": [],
    "White House": [], "State Department": [], "Congress": [], "Senate": [],
    "Duma": ["State Duma"], "Security Council": ["UN Security Council"],
    "Free Syrian Army": ["FSA"], "Syrian National Coalition": [],
    "Arab League": [], "African Union": [], "Interpol": [], "Europol": [],
    "World Health Organization": ["WHO"], "Amnesty International": [],
    "Human Rights Watch": [], "Greenpeace": [],
    "Organization for Security and Cooperation in Europe": ["OSCE"],
    "International Atomic Energy Agency": ["IAEA"], "Gazprom": [],
    "Rosneft": [], "Lukoil": [], "Federal Reserve": ["Fed"],
    "Bundesbank": [], "European Central Bank": ["ECB"],
    "Washington Institute for Near East Policy": [],
    "Flashpoint Global Partners": [], "Jabhat al-Nusra": ["al-Nusra Front", "Nusra Front"],
    "Foreign Ministry": [], "Defence Ministry": ["Defense Ministry"],
}


def plural(d):
    if d.endswith(("ese", "ss", "sh", "ch", "ish")) or d in ("Swiss", "Thai"):
        return None
    if d.endswith("y"):
        return None
    return d + "s"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--world-countries", required=True)
    ap.add_argument("--out-dir", default=".")
    args = ap.parse_args()
    iso = json.load(open(ISO, encoding="utf-8"))["3166-1"]
    wc = {c["cca2"]: c for c in json.load(open(args.world_countries, encoding="utf-8"))}
    rows = set()
    canon = {}
    for c in iso:
        code = c["alpha_2"]
        w = wc.get(code)
        name = w["name"]["common"] if w else c.get("common_name", c["name"])
        canon[code] = name
        names = {name, c["name"]}
        if "common_name" in c:
            names.add(c["common_name"])
        if w:
            names.add(w["name"]["official"])
        names.update(ALIASES.get(code, []))
        for n in names:
            if "," in n or "(" in n:
                continue
            n = n[4:] if n.startswith("the ") else n
            rows.add((n, "COUNTRY", code, name))
        if w:
            for cap in w.get("capital", []):
                rows.add((cap, "CAPITAL", code, cap))
            dem = w.get("demonyms", {}).get("eng", {})
            dems = {dem.get("m"), dem.get("f")} | set(DEMONYM_EXTRA.get(code, []))
        else:
            dems = set(DEMONYM_EXTRA.get(code, []))
        for d in sorted(x for x in dems if x):
            rows.add((d, "DEMONYM", code, name))
            p = plural(d)
            if p:
                rows.add((p, "DEMONYM", code, name))
    for r in REGIONS:
        rows.add((r, "REGION", "", r))
    for d, region in DEMONYM_REGIONS.items():
        rows.add((d, "DEMONYM", "", region))
        if plural(d):
            rows.add((plural(d), "DEMONYM", "", region))
    for canonical, aliases in ORGS.items():
        for a in [canonical] + aliases:
            rows.add((a, "ORG", "", canonical))
    # One country per demonym: the hand list wins, then UN members.
    forced = {d: code for code, ds in DEMONYM_EXTRA.items() for d in ds}
    by_dem = {}
    for r in rows:
        if r[1] == "DEMONYM" and r[2]:
            by_dem.setdefault(r[0], []).append(r)
    for d, rs in by_dem.items():
        if len(rs) < 2:
            continue
        base = d[:-1] if d.endswith("s") and d[:-1] in forced else d
        if base in forced:
            keep = [r for r in rs if r[2] == forced[base]]
        else:
            keep = [r for r in rs if wc.get(r[2], {}).get("unMember")] or rs[:1]
        for r in rs:
            if r not in keep[:1]:
                rows.discard(r)
    lines = ["\t".join(r) for r in sorted(rows)]
    tsv = "\n".join(lines) + "\n"
    os.makedirs(os.path.join(args.out_dir, "data/gazetteers"), exist_ok=True)
    with open(os.path.join(args.out_dir, "data/gazetteers/gazetteer.tsv"), "w",
              encoding="utf-8") as f:
        f.write(tsv)
    with open(os.path.join(args.out_dir, "src/text/gazetteer_data.inc"), "w",
              encoding="utf-8") as f:
        f.write("// Generated by scripts/gen_gazetteer.py; do not edit.\n")
        f.write("// Sources and licences: data/gazetteers/README.md.\n")
        f.write('R"GAZ(' + tsv + ')GAZ"\n')
    print(len(lines), "entries")


if __name__ == "__main__":
    main()
