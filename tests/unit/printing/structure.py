"""Reading a tagged PDF's structure with pikepdf: what the structure tests compare."""
from __future__ import annotations

from collections import Counter

import pikepdf


def kids(element) -> list:
    found = element.get("/K")
    if found is None:
        return []
    return list(found) if isinstance(found, pikepdf.Array) else [found]


def page_index(pdf) -> dict:
    return {page.objgen: number for number, page in enumerate(pdf.pages)}


def tree_contents(pdf) -> tuple[Counter, list, list[str]]:
    """Marked-content ids the tree reaches as (page, mcid) counts, the annotations it
    reaches (OBJR), and problems: a /Pg that is no page here, a /P that is not the parent."""
    pages, mcids, objects, problems = page_index(pdf), Counter(), [], []

    def walk(element, page):
        if "/Pg" in element:
            if element.Pg.objgen not in pages:
                problems.append(f"{element.get('/S')}: /Pg is not a page of this document")
                return
            page = pages[element.Pg.objgen]
        for kid in kids(element):
            if isinstance(kid, int):
                mcids[(page, kid)] += 1
            elif kid.get("/Type") == "/MCR":
                mcids[(pages[kid.Pg.objgen], int(kid.MCID))] += 1
            elif kid.get("/Type") == "/OBJR":
                objects.append(kid.Obj.objgen)
            else:
                if kid.P.objgen != element.objgen:
                    problems.append(f"{kid.get('/S')}: /P is not its parent")
                walk(kid, page)

    walk(pdf.Root.StructTreeRoot, None)
    return mcids, objects, problems


def content_mcids(pdf) -> Counter:
    """Every marked-content id drawn on every page, as (page, mcid) counts."""
    found = Counter()
    for number, page in enumerate(pdf.pages):
        for operands, operator in pikepdf.parse_content_stream(page):
            if str(operator) == "BDC" and isinstance(operands[1], pikepdf.Dictionary) \
                    and "/MCID" in operands[1]:
                found[(number, int(operands[1].MCID))] += 1
    return found


def headings(pdf) -> list[tuple[str, int]]:
    """The tree's headings in tree order: (role, page of their first content)."""
    pages, found = page_index(pdf), []

    def walk(element):
        role = str(element.get("/S", ""))
        if role in ("/H1", "/H2", "/H3", "/H4", "/H5", "/H6"):
            found.append((role, pages[element.Pg.objgen]))
        for kid in kids(element):
            if isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") not in ("/MCR", "/OBJR"):
                walk(kid)

    walk(pdf.Root.StructTreeRoot)
    return found


def outline_pages(pdf) -> list[tuple[str, int]]:
    """The outline, flattened in order: (title, page index of its destination)."""
    pages, found = page_index(pdf), []
    with pdf.open_outline() as outline:
        def walk(items):
            for item in items:
                found.append((item.title, pages[item.destination[0].objgen]))
                walk(item.children)
        walk(outline.root)
    return found


def destinations(pdf) -> dict[str, int]:
    """Named destinations: name -> page index."""
    pages = page_index(pdf)
    tree = pikepdf.NameTree(pdf.Root.Names.Dests)
    return {name: pages[dest[0].objgen] for name, dest in tree.items()}


def links(pdf) -> list[tuple[int, object]]:
    """Every link annotation as (page index, annotation)."""
    return [(number, annotation) for number, page in enumerate(pdf.pages)
            for annotation in page.obj.get("/Annots", ())
            if annotation.get("/Subtype") == "/Link"]


def parent_tree(pdf) -> dict:
    """The ParentTree: key -> an array of elements (a page's) or an element (a link's)."""
    return dict(pikepdf.NumberTree(pdf.Root.StructTreeRoot.ParentTree).items())
