"""Anonymous usage figures kept on the kiosk machine (pure Python: sqlite3, no Qt, no network).

``store`` writes events (one committed transaction per event, WAL journal);
``report`` reads them back into the figures the staff want (visits per day, median visit
length, most and least viewed pages, where visitors leave); ``ids`` makes the random visit
ids. Import the submodules directly (``loosstory.stats.store``…).
"""
