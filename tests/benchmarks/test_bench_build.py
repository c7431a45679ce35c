"""`make bench`'s builds: where a build's CPU seconds went."""

from __future__ import annotations

from pathlib import Path
from types import ModuleType

ARTICLE = ("Chiều 14/3, Ban CHQS huyện Mường Khương họp bàn việc chuẩn bị "
           "giao quân năm tới. Ông Lò Văn Khải{n}, Phó Chủ tịch UBND huyện, điều hành buổi "
           "họp; Thượng tá Đinh Công Vượng{n}, Chính trị viên, trình bày kết quả năm qua.\n")


def test_a_build_s_cpu_is_split_between_workers_compaction_and_the_writer(
        tmp_path: Path, bench_build: ModuleType, bench_run: ModuleType) -> None:
    corpus = tmp_path / "articles"
    corpus.mkdir()
    for n in range(40):
        (corpus / f"a{n:02d}.txt").write_text(ARTICLE.format(n=f" {n}"), "utf-8")
    res = bench_build.run_child("build", corpus=str(corpus), store=str(tmp_path / "store"),
                                jobs=2)
    cpu = res["cpu_split"]
    assert cpu["workers_s"] > 0 and cpu["rest_s"] > 0 and cpu["compaction_s"] >= 0
    # the three parts are the build process's and its workers' CPU, nothing counted twice
    assert abs(sum(cpu.values()) - res["cpu_s"]) < 0.3
    rows = bench_run._build_rows(40, {2: res})
    assert rows[1][0] == "build 40 2 workers: CPU seconds"
    assert rows[1][1].startswith(f"workers {cpu['workers_s']:.0f}, compaction")
