"""Publish ``output/`` to an S3-compatible bucket: walk local, list remote, plan, apply, purge.

The stages are sibling modules: :mod:`.local` and :mod:`.remote` describe both sides,
:mod:`.plan` compares them (pure), :mod:`.apply` carries the plan out, :mod:`.purge` tells the
CDN. :mod:`.command` is the ``park-digest sync`` command that joins them.
"""
