"""Extraction on Dask: bags, dataframes and ``qfacts extract --scheduler`` on a LocalCluster, same output as local."""
from __future__ import annotations

import json
import sys

import pytest
from typer.testing import CliRunner

import qfacts
from qfacts import api, cli
from qfacts import distributed as qd

dask_bag = pytest.importorskip("dask.bag", reason="dask is not installed (pip install 'qfacts[dask]')")
distributed = pytest.importorskip("distributed", reason="dask.distributed is not installed")

TEXTS = [
    "Brindle Motors signed a memorandum of understanding with Kestrel University on Friday.",
    "The mayor of Lyon said Varn Logistics Ltd would open a depot in March 2024.",
    "Officials in Nairobi announced a joint venture between Halden Corp and Pellow Bank last week.",
    "Nothing of note happened here.",
    "Orrick Institute of Technology and the city of Osaka agreed to a pilot project next month.",
]
RECORDS = [{"id": f"n{i}", "text": TEXTS[i % len(TEXTS)] + f" ({i})", "reference_date": "2024-05-20"}
           for i in range(12)]


@pytest.fixture(scope="module")
def cluster():
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=False,
                                  dashboard_address=":0") as local_cluster:
        yield local_cluster


@pytest.fixture(scope="module")
def client(cluster):
    with distributed.Client(cluster, set_as_default=False) as dask_client:
        yield dask_client


def local_records(rows) -> list[dict]:
    return [r.to_dict() for r in qfacts.extract_documents(qd.as_document(row) for row in rows)]


def test_extract_bag_gives_the_local_records_in_order(client):
    bag = dask_bag.from_sequence(RECORDS, npartitions=4)
    got = qd.extract_bag(bag).compute(scheduler=client)
    assert got == local_records(RECORDS)
    assert [r["id"] for r in got] == [r["id"] for r in RECORDS]
    assert all(r["reference_date_source"] == "record" for r in got)


def test_extract_bag_of_plain_texts_gives_records_with_id_dash(client):
    got = qd.extract_bag(dask_bag.from_sequence(TEXTS[:2], npartitions=2)).compute(scheduler=client)
    assert [r["id"] for r in got] == ["-", "-"]
    assert got[0] == qfacts.extract(TEXTS[0]).to_dict() | {"reference_date_source": None}


def test_extract_dataframe_reads_the_named_columns(client):
    pd = pytest.importorskip("pandas")
    dd = pytest.importorskip("dask.dataframe")
    frame = pd.DataFrame({"doc": [r["id"] for r in RECORDS], "body": [r["text"] for r in RECORDS],
                          "day": [r["reference_date"] for r in RECORDS]})
    ddf = dd.from_pandas(frame, npartitions=3)
    got = qd.extract_dataframe(ddf, text_column="body", id_column="doc", reference_date_column="day")
    assert got.compute(scheduler=client) == local_records(RECORDS)
    with pytest.raises(KeyError, match="no column 'text'"):
        qd.extract_dataframe(ddf)


def test_extract_bag_raises_or_skips_a_failing_document(client, monkeypatch):
    real = api._extract_one

    def flaky(nlp, document):
        if document.id == "n3":
            raise RuntimeError("rule exploded")
        return real(nlp, document)

    monkeypatch.setattr(api, "_extract_one", flaky)  # the workers are threads of this process
    bag = dask_bag.from_sequence(RECORDS[:5], npartitions=2)
    skipped = qd.extract_bag(bag, errors="skip").compute(scheduler=client)
    assert [r["id"] for r in skipped] == ["n0", "n1", "n2", "n4"]
    with pytest.raises(qfacts.parallel.ExtractionError, match="n3: rule exploded"):
        qd.extract_bag(bag).compute(scheduler=client)
    with pytest.raises(ValueError, match="errors must be"):
        qd.extract_bag(bag, errors="ignore")


def test_cli_scheduler_run_writes_exactly_what_the_local_run_writes(cluster, tmp_path):
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text("".join(json.dumps(r) + "\n" for r in RECORDS) + "not json\n", encoding="utf-8")
    article = tmp_path / "article.txt"
    article.write_text(TEXTS[0] + "\n\n" + TEXTS[2], encoding="utf-8")
    inputs = [str(corpus), str(article), str(tmp_path / "missing.txt")]
    runner = CliRunner()
    local = runner.invoke(cli.app, ["extract", "--format", "jsonl", *inputs])
    remote = runner.invoke(cli.app, ["extract", "--format", "jsonl", "--scheduler", cluster.scheduler_address,
                                     *inputs])
    assert local.exit_code == remote.exit_code == 1
    assert remote.stdout == local.stdout
    assert remote.stderr == local.stderr
    assert len(remote.stdout.splitlines()) == len(RECORDS) + 1


def test_pipeline_is_built_once_per_worker_process_and_reused():
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=":0") as process_cluster, \
            distributed.Client(process_cluster, set_as_default=False) as process_client:
        bag = dask_bag.from_sequence(RECORDS, npartitions=6)
        got = qd.extract_bag(bag).compute(scheduler=process_client)
        stats = process_client.run(qd.worker_stats)
    assert got == local_records(RECORDS)
    assert sum(s["documents"] for s in stats.values()) == len(RECORDS)
    assert all(s["pipelines_built"] == (1 if s["documents"] else 0) for s in stats.values())


def test_scheduler_that_cannot_be_reached_is_a_usage_error(monkeypatch, tmp_path):
    monkeypatch.setattr(qd, "CONNECT_TIMEOUT", "0.5s")
    result = CliRunner().invoke(cli.app, ["extract", "--scheduler", "tcp://127.0.0.1:9", str(tmp_path)])
    assert result.exit_code == 2
    assert result.stderr.startswith("qfacts: error: --scheduler: cannot connect to the Dask scheduler")


def test_scheduler_without_dask_installed_is_a_usage_error_naming_the_extra(monkeypatch, tmp_path):
    monkeypatch.setitem(sys.modules, "distributed", None)  # import distributed now raises ImportError
    result = CliRunner().invoke(cli.app, ["extract", "--scheduler", "tcp://127.0.0.1:8786", str(tmp_path)])
    assert result.exit_code == 2
    assert "pip install 'qfacts[dask]'" in result.stderr
