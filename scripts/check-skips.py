"""Fails a test run in which a test was skipped for any reason but the one CI expects.

The SQL Server contract tests are skipped wherever no SQL Server is named (none can run on these machines); their
message starts with the marker in tests/Shared/Prerequisite.cs. Every other skip on CI means a prerequisite went
missing or a test stopped itself, and a run that passes by skipping must not look green.

Usage: python3 check-skips.py <folder of .trx files>
"""
import glob
import os
import re
import sys
import xml.etree.ElementTree as ET

# The marker as MSTest reports it: alone, or after the initialisation method that stopped the test.
EXPECTED = re.compile(r"(^|Assert\.Inconclusive failed\. )No SQL Server here: ")
NS = "{http://microsoft.com/schemas/VisualStudio/TeamTest/2010}"
RAN = {"Passed", "Failed", "Error", "Timeout", "Aborted"}


def main(folder):
    expected = 0
    unexpected = []
    for path in sorted(glob.glob(os.path.join(folder, "*.trx"))):
        for result in ET.parse(path).getroot().iter(NS + "UnitTestResult"):
            if result.get("outcome") in RAN:
                continue
            message = " ".join(m.text or "" for m in result.iter(NS + "Message")).strip()
            if EXPECTED.search(message):
                expected += 1
            else:
                unexpected.append((result.get("testName"), result.get("outcome"), message[:200]))
    print(f"Skipped: {expected} expected (SQL Server), {len(unexpected)} unexpected")
    for name, outcome, message in unexpected:
        print(f"  unexpected skip: {name} [{outcome}] {message}", file=sys.stderr)
    return 1 if unexpected else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
