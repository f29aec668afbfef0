"""Stand-ins for the schema-path tables each generated validator module writes for itself
(``_SP_PARENT``, ``_SP_SEGMENT``: see :func:`generator.validate.module.module`), so that
:mod:`generator.validate.rt_helpers` imports, type-checks and runs as it is.  Not copied."""

#: the parent node of each schema node (-1: a root)
_SP_PARENT: tuple[int, ...] = ()
#: the path segment from each node's parent to it
_SP_SEGMENT: tuple[str, ...] = ()
