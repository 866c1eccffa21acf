def test_gaps_cannot_stitch_words_from_across_the_text() -> None:
    from brief.analyse.verify import MAX_GAP, locate_quote

    copy = "We met at noon. " + "Filler words here. " * 40 + "No child was saved by the tool alone."
    assert locate_quote("We … saved … the tool … alone", copy) is None
    near = "We said that a child was saved by the tool alone."
    assert locate_quote("We … saved … the tool … alone", near) is not None
    far = "We spoke. " + "x" * (MAX_GAP + 10) + " saved"
    assert locate_quote("We … saved", far) is None
    assert locate_quote("We … saved", "We spoke. " + "x " * 10 + "saved") is not None
