"""A fleet of kiosks kept in step by an existing file-copy tool (Syncthing, rsync, Ansible):
pack manifests, each kiosk's outbox (status + anonymous figures), and the hub's reports.

Pure Python, no Qt and no network: the copy tool moves the files, this package only writes
and reads them (docs/kiosk.md, « Un parc de kiosques »).
"""
