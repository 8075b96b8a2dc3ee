"""What a change announces: kinds of record by their one name, and the ids touched."""

from __future__ import annotations

import pytest

from desktop.domain.kinds import RecordType
from desktop.services.changes import OpChanges


def test_an_id_names_its_kind_as_changed() -> None:
    changes = OpChanges.of({"contract"}, ids=[("contractor", 7), (RecordType.CONTRACTOR, 8)])
    assert changes.kinds == {RecordType.CONTRACT, RecordType.CONTRACTOR}
    assert changes.ids_of(RecordType.CONTRACTOR) == {7, 8}
    assert changes.ids_of(RecordType.CONTRACT) == frozenset()


def test_a_change_touches_only_the_kinds_it_names() -> None:
    changes = OpChanges.of({RecordType.JOINT_USE})
    assert changes.touches({RecordType.JOINT_USE, RecordType.JOINT_USE_CHANGE})
    assert not changes.touches({RecordType.CONTRACTOR})


def test_a_kind_not_in_the_registry_is_refused() -> None:
    with pytest.raises(ValueError):
        OpChanges.of({"settings"})  # the trail and the table say "setting"


def test_changes_combine_and_nothing_is_falsy() -> None:
    assert not OpChanges.of()
    combined = OpChanges.of({"contract"}) | OpChanges.of(ids=[("evaluation", 3)])
    assert combined == OpChanges.of({"contract"}, ids=[("evaluation", 3)])
