"""Preview: ``park-digest serve`` (``make serve``).

In: the project being edited. Out: ``output/`` served on 127.0.0.1 (``devserver``), rebuilt by a
warm build process on each save (``preview_builder``), the open page reloaded (``livereload``).
"""
