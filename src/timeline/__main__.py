"""``python -m timeline ...`` runs the command line (:func:`timeline.cli.main`), as the ``timeline`` script does."""

import sys

from timeline.cli import main

sys.exit(main())
