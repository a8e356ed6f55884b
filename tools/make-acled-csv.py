#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# make-acled-csv.py: writes a synthetic ACLED-format CSV (realistic columns and mix) for
# `sitrep-cli bench import`. Generated into /tmp at bench time, never committed.
#   tools/make-acled-csv.py --rows 500000 --out /tmp/acled-500k.csv
import argparse
import csv
import datetime
import random

COLUMNS = ("event_id_cnty,event_date,year,time_precision,disorder_type,event_type,"
           "sub_event_type,actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,"
           "interaction,civilian_targeting,iso,region,country,admin1,admin2,admin3,location,"
           "latitude,longitude,geo_precision,source,source_scale,notes,fatalities,tags,"
           "timestamp").split(",")

PLACES = [
    ("Kharkiv", "Kharkivskyi", "Kharkivska", "Kharkiv", 49.9935, 36.2304),
    ("Kharkiv", "Kupianskyi", "Kupianska", "Kupiansk", 49.7106, 37.6152),
    ("Kharkiv", "Kupianskyi", "Kupianska", "Kupiansk-Vuzlovyi", 49.6695, 37.6822),
    ("Kharkiv", "Chuhuivskyi", "Vovchanska", "Vovchansk", 50.2906, 36.9411),
    ("Donetsk", "Pokrovskyi", "Pokrovska", "Pokrovsk", 48.2822, 37.1758),
    ("Donetsk", "Pokrovskyi", "Kurakhivska", "Kurakhove", 47.9838, 37.2821),
    ("Donetsk", "Kramatorskyi", "Kostiantynivska", "Kostiantynivka", 48.5277, 37.7069),
    ("Donetsk", "Bakhmutskyi", "Chasovoiarska", "Chasiv Yar", 48.5866, 37.8353),
    ("Zaporizhia", "Zaporizkyi", "Zaporizka", "Zaporizhzhia", 47.8388, 35.1396),
    ("Zaporizhia", "Polohivskyi", "Huliaipilska", "Huliaipole", 47.6620, 36.2561),
    ("Kherson", "Khersonskyi", "Khersonska", "Kherson", 46.6354, 32.6169),
    ("Sumy", "Sumskyi", "Sumska", "Sumy", 50.9077, 34.7981),
    ("Dnipropetrovsk", "Nikopolskyi", "Nikopolska", "Nikopol", 47.5712, 34.3964),
    ("Kyiv City", "", "", "Kyiv", 50.4501, 30.5234),
    ("Odesa", "Odeskyi", "Odeska", "Odesa", 46.4825, 30.7233),
    ("Luhansk", "Sievierodonetskyi", "Lysychanska", "Lysychansk", 48.9046, 38.4426),
]

TYPES = [
    (40, "Political violence", "Explosions/Remote violence", "Shelling/artillery/missile attack"),
    (25, "Political violence", "Explosions/Remote violence", "Air/drone strike"),
    (20, "Political violence", "Battles", "Armed clash"),
    (3, "Political violence", "Battles", "Non-state actor overtakes territory"),
    (2, "Political violence", "Battles", "Government regains territory"),
    (4, "Political violence", "Violence against civilians", "Attack"),
    (3, "Strategic developments", "Strategic developments", "Disrupted weapons use"),
    (2, "Demonstrations", "Protests", "Peaceful protest"),
    (1, "Strategic developments", "Strategic developments", "Looting/property destruction"),
]

RU = "Military Forces of Russia (2000-)"
UA = "Military Forces of Ukraine (2019-)"
CIV = "Civilians (Ukraine)"
SOURCES = ["Ukrainska Pravda", "Suspilne Media", "Ukrinform", "Kyiv Independent",
           "General Staff of the Armed Forces of Ukraine", "Ministry of Defence of Russia",
           "Kharkiv Regional Military Administration", "Institute for the Study of War",
           "Telegram", "RIA Novosti", "Hromadske", "Donetsk Regional Military Administration"]
SCALES = ["National", "Subnational", "Subnational-National", "Other-National", "New media"]
WEAPONS = ["Grad rockets", "a Shahed drone", "glide bombs", "artillery", "an Iskander missile",
           "FPV drones", "mortars"]
HEDGES = ["according to local reports", "according to unconfirmed reports",
          "the regional administration said", "officials claimed", "if accurate"]


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--rows", type=int, default=500000)
    ap.add_argument("--out", required=True)
    ap.add_argument("--seed", type=int, default=10)
    args = ap.parse_args()
    rnd = random.Random(args.seed)
    weights = [t[0] for t in TYPES]
    start = datetime.date(2022, 2, 24)
    with open(args.out, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\r\n")
        w.writerow(COLUMNS)
        for i in range(args.rows):
            day = start + datetime.timedelta(days=rnd.randrange(1000))
            disorder, etype, sub = rnd.choices(TYPES, weights)[0][1:]
            admin1, admin2, admin3, loc, lat, lon = rnd.choice(PLACES)
            lat += rnd.uniform(-0.05, 0.05)
            lon += rnd.uniform(-0.05, 0.05)
            a1, a2 = (RU, CIV) if etype != "Battles" else rnd.choice([(RU, UA), (UA, RU)])
            if sub.startswith("Shelling") or sub.startswith("Air"):
                a2 = rnd.choice(["", CIV])
            fat = rnd.choice([0, 0, 0, 0, 1, 2, 3, 5, 12])
            srcs = "; ".join(rnd.sample(SOURCES, rnd.choice([1, 1, 2, 2, 3])))
            date = day.isoformat() if rnd.random() < 0.8 else day.strftime("%d %B %Y")
            notes = ("On %s, Russian forces hit %s with %s, %s. %s" %
                     (day.strftime("%d %B %Y"), loc, rnd.choice(WEAPONS), rnd.choice(HEDGES),
                      "%d people were killed." % fat if fat else "No casualties were reported."))
            if rnd.random() < 0.05:
                notes += "\nUpdate: figures revised by the \"regional\" administration."
            w.writerow([
                "UKR%d" % (100000 + i), date, day.year, rnd.choices([1, 2, 3], [90, 8, 2])[0],
                disorder, etype, sub, a1, "", 8 if a1 == RU else 1, a2, "",
                {RU: 8, UA: 1, CIV: 7, "": 0}[a2], rnd.choice([18, 80, 78, 81]),
                "Civilian targeting" if a2 == CIV else "", 804, "Europe", "Ukraine",
                admin1, admin2, admin3, loc, "%.4f" % lat, "%.4f" % lon,
                rnd.choices([1, 2, 3], [70, 25, 5])[0], srcs, rnd.choice(SCALES), notes, fat,
                "", 1700000000 + i,
            ])


if __name__ == "__main__":
    main()
