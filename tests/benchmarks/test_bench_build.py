"""`make bench`'s builds: where a build's CPU seconds went."""

from __future__ import annotations

from pathlib import Path
from types import ModuleType

ARTICLE = ("Sáng 9/10, UBND huyện Tân Lạc tổ chức hội nghị sơ kết 5 năm thực hiện Nghị định số "
           "21/2019/NĐ-CP. Đồng chí Lò Văn Khải{n}, Phó Bí thư Huyện ủy, Chủ tịch UBND huyện "
           "chủ trì hội nghị. Dự hội nghị có Đại tá Đinh Công Vượng{n}, Chỉ huy trưởng Bộ Chỉ "
           "huy Quân sự tỉnh Hòa Bình.\n")


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
