"""English function words, plus words every news report uses ("said", "told"), left out of cluster features.

Kept here rather than imported from scikit-learn so that clustering does not pay scikit-learn's import time.
"""

STOPWORDS = frozenset(
    """a about above after again against all almost also although always am among an and another any anyone
    anything are around as at back be became because become been before being below between both but by can
    cannot could did do does doing done down during each either else enough even ever every few for from
    further get gets got had has have having he her here hers herself him himself his how however i if in
    into is it its itself just least less like made make many may me might more most much must my myself
    neither never no nor not now of off often on once one only onto or other others otherwise our ours
    ourselves out over own per perhaps rather re same say says said she should since so some something
    still such than that the their theirs them themselves then there these they this those though through
    thus to told too toward towards under until up upon us very via was we well were what whatever when
    where whether which while who whom whose why will with within without would yet you your yours
    yourself yourselves mr mrs ms dr according including new year years time people told reported report
    week day today yesterday tuesday monday wednesday thursday friday saturday sunday http https www com
    html htm org net""".split()
)
