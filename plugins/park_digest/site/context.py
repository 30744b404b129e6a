"""Names the build puts into Pelican's render context, read by more than one stage."""

# Set in the context of a page a selective build does not write again (build/incremental.py):
# handlers that complete written pages (images, variants) leave it alone.
SKIPPED = "PARK_DIGEST_SKIPPED"
