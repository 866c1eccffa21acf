"""The same variants built on a Dask cluster (two worker processes) give the same bytes."""

from __future__ import annotations

from pathlib import Path

import pytest
from distributed import Client, LocalCluster

from brief import BuildOptions
from brief.run.batch import build_many
from tests.read.test_variants import _brief


@pytest.mark.slow
def test_a_dask_cluster_builds_the_bytes_a_local_pool_builds(tmp_path: Path) -> None:
    folder = _brief(tmp_path)
    local, remote = tmp_path / "local", tmp_path / "dask"
    build_many([folder], BuildOptions(out_dir=local, keep_html=True), jobs=2)
    with (
        LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        Client(cluster) as client,
    ):
        items = build_many(
            [folder], BuildOptions(out_dir=remote, keep_html=True), executor=client.get_executor()
        )
    assert [item.exit_code for item in items] == [0, 0, 0]
    outputs = sorted(path.name for path in local.iterdir() if not path.name.endswith("report.json"))
    assert len(outputs) == 3 * 4  # pdf, epub, html and the kept print HTML of each row
    for name in outputs:
        assert (remote / name).read_bytes() == (local / name).read_bytes(), name
