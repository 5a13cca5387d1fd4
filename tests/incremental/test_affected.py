"""What tells which pages an edit affected; that the pages found are the right ones is
tested through page_output.page_fingerprints (test_page_output)."""

from newsgen.incremental.affected import same_tag_paths

BEFORE = {"people/ann-lee/index.html": "person\0Ann Lee", "places/oslo/index.html": "place\0Oslo",
          "places/oslo-2/index.html": "place\0OSLO"}


def test_people_and_places_that_came_or_went_leave_the_others_at_their_paths():
    came = BEFORE | {"people/bo-ek/index.html": "person\0Bo Ek"}
    went = {path: key for path, key in BEFORE.items() if key != "person\0Ann Lee"}
    assert same_tag_paths(BEFORE, came) and same_tag_paths(BEFORE, went) and same_tag_paths(BEFORE, BEFORE)


def test_a_person_or_place_at_another_path_is_told():
    swapped = {"people/ann-lee/index.html": "person\0Ann Lee", "places/oslo/index.html": "place\0OSLO",
               "places/oslo-2/index.html": "place\0Oslo"}
    moved_up = {"people/ann-lee/index.html": "person\0Ann Lee", "places/oslo/index.html": "place\0OSLO"}
    moved_to_a_new_path = {"people/ann-lee-2/index.html": "person\0Ann Lee", **{
        path: key for path, key in BEFORE.items() if key != "person\0Ann Lee"}}
    for now in (swapped, moved_up, moved_to_a_new_path):
        assert not same_tag_paths(BEFORE, now)
