"""Join PDFs rendered as parts of one document into one tagged PDF, with pikepdf.

WeasyPrint lays out one document on one core; the directory is rendered as parts in
parallel (`parts.py`) and joined here into what one render would have made:
- the pages in order, with the footer ("Page N of M …") stamped on each from a
  document of footers alone, as an Artifact (it is not part of the reading order);
- ONE structure tree: the first part's Document element holds every part's top-level
  elements in order, and the ParentTree (marked content and annotations back to their
  elements) is renumbered, each part's keys after the previous part's;
- links written as "thin-anchor:<name>" (WeasyPrint drops a link to an anchor outside
  its own document, so a part links out with a private scheme) become named
  destinations, and every part's destinations are merged;
- one outline from the parts' bookmarks, nested by level across parts;
- the catalogue (language, MarkInfo, viewer preferences, the XMP packet claiming
  PDF/UA-1) and the Info dictionary of the first part, which every part shares (same
  head, same build date), and its PDF version;
- a fixed /ID: the document's identifier first, a hash of the content second, so the
  same parts give the same bytes.
"""
from __future__ import annotations

import io
import warnings
from typing import Sequence

from .worker import Rendered

ANCHOR_SCHEME = "thin-anchor:"
# Catalogue entries remade by the join rather than copied from the first part.
REMADE = {"/Type", "/Pages", "/Names", "/Outlines", "/StructTreeRoot"}


class JoinError(ValueError):
    """The parts do not make one document (a link to an anchor no part has)."""


def join(parts: Sequence[Rendered], footers: Sequence[Rendered], identifier: bytes) -> bytes:
    """One PDF of `parts` in order, the pages of `footers` (in order) stamped on theirs."""
    import pikepdf

    out = pikepdf.Pdf.new()
    sources = [pikepdf.Pdf.open(io.BytesIO(part.data)) for part in parts]
    tree, parent_tree, destinations = None, {}, {}
    for source in sources:
        start = len(out.pages)
        with warnings.catch_warnings():
            # pikepdf warns that named destinations stay behind: `_destinations` copies them.
            warnings.simplefilter("ignore", pikepdf.exceptions.PageCopyWarning)
            out.pages.extend(source.pages)
        tree = _add_structure(out, source, tree, start, parent_tree)
        destinations.update(_destinations(out, source, start))
    if tree is not None:
        numbers = pikepdf.NumberTree.new(out)
        for key in sorted(parent_tree):
            numbers[key] = parent_tree[key]
        tree.ParentTree = numbers.obj
        tree.ParentTreeNextKey = max(parent_tree, default=-1) + 1
        out.Root.StructTreeRoot = tree
    _link_destinations(out, destinations)
    _outline(out, parts)
    first = sources[0]
    for key, value in first.Root.items():
        if key not in REMADE:
            out.Root[key] = _copied(out, first, value)
    for key, value in first.docinfo.items():
        out.docinfo[key] = _copied(out, first, value)
    sheets = [pikepdf.Pdf.open(io.BytesIO(footer.data)) for footer in footers]
    _stamp(out, [(document, sheet) for document in sheets for sheet in document.pages])
    out.trailer.ID = pikepdf.Array([pikepdf.String(identifier), pikepdf.String(identifier)])
    buffer = io.BytesIO()
    out.save(buffer, deterministic_id=True, compress_streams=True, min_version=first.pdf_version,
             object_stream_mode=pikepdf.ObjectStreamMode.generate)
    return buffer.getvalue()


def _copied(out, source, value):
    """`value` of `source` as an object of `out` (containers are copied deeply)."""
    import pikepdf

    if isinstance(value, (pikepdf.Dictionary, pikepdf.Array, pikepdf.Stream)):
        return out.copy_foreign(value if value.is_indirect else source.make_indirect(value))
    return value


def _add_structure(out, source, tree, start: int, parent_tree: dict):
    """Copy `source`'s structure into `out`: the first part's tree is the tree; a later
    part's top-level elements join its Document element. Returns the tree."""
    import pikepdf

    if "/StructTreeRoot" not in source.Root:
        return tree
    copied = out.copy_foreign(source.Root.StructTreeRoot)  # pages map to their copies
    offset = max(parent_tree, default=-1) + 1
    for key, value in pikepdf.NumberTree(copied.ParentTree).items():
        parent_tree[key + offset] = value
    for page in out.pages[start:]:
        if "/StructParents" in page.obj:
            page.obj.StructParents = int(page.obj.StructParents) + offset
        for annotation in page.obj.get("/Annots", ()):
            if "/StructParent" in annotation:
                annotation.StructParent = int(annotation.StructParent) + offset
    if tree is None:
        return copied
    document, part = _document_element(tree), _document_element(copied)
    for kid in _kids(part):
        kid.P = document
        document.K.append(kid)
    if "/RoleMap" in copied:
        roles = tree.setdefault("/RoleMap", pikepdf.Dictionary())
        for role, standard in copied.RoleMap.items():
            roles[role] = standard
    return tree


def _kids(element) -> list:
    import pikepdf

    kids = element.get("/K")
    if kids is None:
        return []
    return list(kids) if isinstance(kids, pikepdf.Array) else [kids]


def _document_element(tree):
    """The tree's one top-level element (WeasyPrint's Document), its `/K` an array."""
    import pikepdf

    (document,) = _kids(tree)
    if not isinstance(document.get("/K"), pikepdf.Array):
        document.K = pikepdf.Array(_kids(document))
    return document


def _destinations(out, source, start: int) -> dict:
    """`source`'s named destinations, pointing at its pages' copies in `out`."""
    import pikepdf

    if "/Names" not in source.Root or "/Dests" not in source.Root.Names:
        return {}
    index = {page.objgen: number for number, page in enumerate(source.pages)}
    return {name: pikepdf.Array([out.pages[start + index[dest[0].objgen]].obj, *dest[1:]])
            for name, dest in pikepdf.NameTree(source.Root.Names.Dests).items()}


def _link_destinations(out, destinations: dict) -> None:
    """Merge the named destinations; "thin-anchor:" links become links to them."""
    import pikepdf

    for page in out.pages:
        for annotation in page.obj.get("/Annots", ()):
            action = annotation.get("/A")
            uri = str(action.get("/URI", "")) if action is not None else ""
            if uri.startswith(ANCHOR_SCHEME):
                name = uri[len(ANCHOR_SCHEME):]
                if name not in destinations:
                    raise JoinError(f"a link to #{name}, which no part of the document has")
                del annotation["/A"]
                annotation.Dest = pikepdf.String(name)
    if destinations:
        names = pikepdf.NameTree.new(out)
        for name in sorted(destinations):
            names[name] = destinations[name]
        out.Root.Names = pikepdf.Dictionary(Dests=names.obj)


def _outline(out, parts: Sequence[Rendered]) -> None:
    """Every part's bookmarks, each under the nearest earlier one of a lower level, as
    WeasyPrint nests them within one document."""
    import pikepdf

    open_items: list[tuple[int, object]] = []
    offset = 0
    with out.open_outline() as outline:
        for part in parts:
            for mark in part.bookmarks:
                item = pikepdf.OutlineItem(mark.label, offset + mark.page, "XYZ",
                                           left=mark.left, top=mark.top)
                item.is_closed = mark.closed
                while open_items and open_items[-1][0] >= mark.level:
                    open_items.pop()
                (open_items[-1][1].children if open_items else outline.root).append(item)
                open_items.append((mark.level, item))
            offset += part.pages


def _stamp(out, sheets: list) -> None:
    """Draw footer sheet i (its Pdf, its page) over page i, as an Artifact, in a Form XObject.

    The page's own drawing is wrapped in q … Q so the stamp starts from the default
    coordinates; each page gets its own resource dictionary (WeasyPrint's parts share
    one between pages) so a page names only its own footer.
    """
    import pikepdf

    if sheets and len(sheets) != len(out.pages):
        raise JoinError(f"{len(sheets)} footers for {len(out.pages)} pages")
    for page, (document, sheet) in zip(out.pages, sheets):
        form = out.copy_foreign(document.make_indirect(sheet.as_form_xobject()))
        resources = pikepdf.Dictionary(dict(page.obj.get("/Resources", {}).items()))
        xobjects = pikepdf.Dictionary(dict(resources.get("/XObject", {}).items()))
        xobjects.ThinFooter = form
        resources.XObject = xobjects
        page.obj.Resources = resources
        page.contents_add(pikepdf.Stream(out, b"q\n"), prepend=True)
        page.contents_add(pikepdf.Stream(out, b"Q\n/Artifact BMC\nq /ThinFooter Do Q\nEMC\n"))
