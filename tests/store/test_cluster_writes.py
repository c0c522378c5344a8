"""What a new report joining a stored cluster writes: the cluster's summary row and its own member
rows, never the other members' rows again (store/incremental.py `_replace`)."""

from __future__ import annotations

from pathlib import Path

from newsevents.store import open_store

LINES = ("The offensive entered its second week, officials said.\n", "Aid groups asked for a pause.\n",
         "Schools in the city stayed closed.\n", "More fighting was expected on Friday.\n")  # fmt: skip


def test_a_report_joining_a_cluster_writes_only_its_own_member_rows(tmp_path: Path, make_extraction) -> None:  # type: ignore[no-untyped-def]
    first = make_extraction("first")
    with open_store(tmp_path / "w.db") as store:
        for n, line in enumerate(LINES[:3]):  # three copies of one story: its events in clusters of three
            store.write(make_extraction(f"copy{n}", text=first.article.text + line))
        with store.transaction() as cur:
            cur.execute("CREATE TABLE written (op TEXT, article_id TEXT)")
            cur.execute("CREATE TRIGGER member_in AFTER INSERT ON event_cluster_members"
                        " BEGIN INSERT INTO written VALUES ('insert', NEW.article_id); END")  # fmt: skip
            cur.execute("CREATE TRIGGER member_out AFTER DELETE ON event_cluster_members"
                        " BEGIN INSERT INTO written VALUES ('delete', OLD.article_id); END")  # fmt: skip
            cur.execute("CREATE TRIGGER member_moved AFTER UPDATE ON event_cluster_members"
                        " BEGIN INSERT INTO written VALUES ('update', OLD.article_id); END")  # fmt: skip
        late = make_extraction("late", published="2016-02-14", text=first.article.text + LINES[3])
        store.write(late)  # published last: the clusters keep their first report and their ids
        sizes = store.fetch_all("SELECT n_articles FROM event_clusters ORDER BY n_articles")
        written = store.fetch_all("SELECT op, article_id FROM written")
    assert sizes == [(4,), (4,)]  # both events of the late copy joined their story's clusters
    assert sorted(written) == [("insert", "late"), ("insert", "late")]
