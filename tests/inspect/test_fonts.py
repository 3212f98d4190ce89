"""Embedded font names sorted into 仿宋, 楷体, 黑体, 宋体 and 小标宋."""

from __future__ import annotations

import pytest

from docgen.inspect.fonts import FAMILIES, family_of, normalise, strip_subset


@pytest.mark.parametrize(
    ("font", "family"),
    [
        ("BAAAAA+FandolFang-Regular", "fangsong"),
        ("FangSong_GB2312", "fangsong"),
        ("仿宋_GB2312", "fangsong"),
        ("SimFang", "fangsong"),
        ("CAAAAA+FandolKai-Regular", "kaiti"),
        ("KaiTi_GB2312", "kaiti"),
        ("AR PL UKai CN", "kaiti"),
        ("FandolHei-Regular", "heiti"),
        ("SimHei", "heiti"),
        ("NotoSansCJKjp-Regular-VKana", "heiti"),
        ("WenQuanYiZenHei", "heiti"),
        ("FZXiaoBiaoSong-B05S", "xiaobiaosong"),
        ("FandolSong-Bold", "xiaobiaosong"),
        ("NotoSerifCJKjp-Bold", "xiaobiaosong"),
        ("FandolSong-Regular", "songti"),
        ("SimSun", "songti"),
        ("DejaVuSerif", None),
        ("TimesNewRomanPSMT", None),
    ],
)
def test_family_of(font: str, family: str | None) -> None:
    """Windows, Founder and free substitute names land in their family; Latin faces in none."""
    assert family_of(font) == family


def test_regular_song_is_not_xiaobiaosong() -> None:
    """Only a bold 宋体 stands in for 小标宋."""
    assert not FAMILIES["xiaobiaosong"].matches("NotoSerifCJKsc-Regular")
    assert FAMILIES["xiaobiaosong"].matches("NotoSerifCJKsc-Black")


def test_names_are_normalised() -> None:
    """The subset tag, case, spaces, hyphens and underscores do not matter."""
    assert strip_subset("ABCDEF+FandolFang-Regular") == "FandolFang-Regular"
    assert normalise("ABCDEF+Fang Song_GB-2312") == "fangsonggb2312"


def test_labels_in_both_languages() -> None:
    """A family shows its Chinese or English name and the free face docgen maps it to."""
    assert FAMILIES["fangsong"].label(english=False) == "仿宋（FandolFang…）"
    assert FAMILIES["kaiti"].label(english=True) == "KaiTi (FandolKai…)"
