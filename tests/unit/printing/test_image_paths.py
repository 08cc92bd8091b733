"""A content image naming a file outside the project is a located error at validation,
long before the PDF step (whose fetcher refuses it again: test_fetcher.py)."""
from __future__ import annotations

import pytest

from tests.helpers import TODAY
from thin_build.build import check_site

ORG = """---
name: Logo Test Group
summary: A group whose logo points somewhere it must not.
email: hello@logo-test.example.org
wards: [bow-east]
stage: stage-1
logo: {logo}
---
"""


@pytest.mark.parametrize("logo", ["file:///etc/passwd", "http://169.254.169.254/",
                                  "../../outside.png"])
def test_an_image_outside_the_project_is_a_located_error(make_site, logo):
    root = make_site({"orgs/logo-test.md": ORG.format(logo=f"'{logo}'")})
    catalogue, problems = check_site(root, TODAY)
    assert catalogue is None
    assert [str(p) for p in problems if p.is_error] == [
        f"orgs/logo-test.md:7:7: error[bad-path]: `logo`: {logo!r} must be a path inside "
        "content/media/ in lowercase, e.g. logos/our-group.png, ending in .png, .jpg, .jpeg, .webp"]
