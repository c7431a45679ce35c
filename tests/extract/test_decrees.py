"""Document references: numbers, short references, kinds, dates and described ones."""

from __future__ import annotations

from tests.extract.helpers import record
from vnkg.extraction.decrees import canonical_number


def _decrees(text: str) -> list[dict]:
    return record(text)["decrees"]


def test_numbers_are_canonical_and_short_refs_join() -> None:
    ds = _decrees("Hội nghị sơ kết Nghị định số 21 của Chính phủ. Qua 5 năm thực hiện Nghị định "
                  "số 21/2019/NĐ-CP ngày 14/02/2019 của Chính phủ về khu vực phòng thủ, huyện đã "
                  "làm tốt. Quán triệt Nghị quyết 28-NQ/TƯ và Chỉ thị số 07-CT/TW.")
    numbers = [d["number"] for d in ds]
    assert numbers == ["21/2019/NĐ-CP", "28-NQ/TW", "07-CT/TW"]
    nd = ds[0]
    assert nd["kind"] == "Nghị định" and nd["date"] == "2019-02-14"
    assert nd["issuer"] == "Chính phủ" and nd["title"].startswith("về khu vực phòng thủ")
    assert len(nd["mentions"]) == 2


def test_same_short_number_different_documents_stay_apart() -> None:
    ds = _decrees("Quán triệt Nghị quyết số 28-NQ/TW ngày 22/9/2008 và tiếp tục thực hiện Nghị "
                  "quyết số 28 ngày 25/10/2013 về bảo vệ Tổ quốc.")
    assert [(d["number"], d["date"]) for d in ds] == [("28-NQ/TW", "2008-09-22"),
                                                       ("28", "2013-10-25")]


def test_spaced_and_glued_numbers() -> None:
    assert canonical_number("282 /KHHĐNVQS") == "282/KHHĐNVQS"
    ds = _decrees("- 1Quyết định 553/QĐ-TTg năm 2021 phê duyệt Đề án \"Nâng cao năng lực\" do "
                  "Thủ tướng Chính phủ ban hành")
    assert [(d["kind"], d["number"], d["date"]) for d in ds] == [
        ("Quyết định", "553/QĐ-TTg", "2021")]


def test_laws_plans_and_described_decisions() -> None:
    ds = _decrees("Căn cứ Luật Dân quân tự vệ ngày 22 tháng 11 năm 2019; hệ thống Kế hoạch A, A2 "
                  "và Kế hoạch “B”. Đại tá Vừ A Sính trao quyết định thăng quân hàm cấp tá cho 5 "
                  "sĩ quan.")
    got = [(d["kind"], d["number"], d["surface"]) for d in ds]
    assert ("Luật", None, "Luật Dân quân tự vệ ngày 22 tháng 11 năm 2019") in got
    assert ("Kế hoạch", "A2", "A2") in got and ("Kế hoạch", "B", "Kế hoạch “B”") in got
    assert ("Quyết định", None, "quyết định thăng quân hàm cấp tá") in got


def test_generic_mentions_are_not_documents() -> None:
    assert _decrees("Diễn tập theo kế hoạch, đúng quy định. Nghị định quy định nhiều điểm mới. "
                    "Căn cứ Quyết định số 1") == []


def test_law_names_end_at_their_year_or_a_clause() -> None:
    ds = _decrees("Triển khai Luật Nghĩa vụ quân sự năm 2015 và các văn bản hướng dẫn. Căn cứ Luật "
                  "sửa đổi, bổ sung một số điều của Luật Quốc phòng ngày 8 tháng 6 năm 2018.")
    assert [d["surface"] for d in ds] == [
        "Luật Nghĩa vụ quân sự năm 2015",
        "Luật sửa đổi, bổ sung một số điều của Luật Quốc phòng ngày 8 tháng 6 năm 2018"]
    assert ds[1]["date"] == "2018-06-08"


def test_a_year_after_a_kind_is_not_a_number() -> None:
    ds = _decrees("Triển khai Kế hoạch 2024 và Nghị định 21 của Chính phủ.")
    assert [(d["kind"], d["number"]) for d in ds] == [("Nghị định", "21")]


def test_issue_date_written_before_the_document() -> None:
    ds = _decrees("Ngày 5/4/2022, UBND huyện Mường Tè đã ban hành Kế hoạch số 17/KH-UBND về "
                  "diễn tập.")
    assert (ds[0]["number"], ds[0]["date"]) == ("17/KH-UBND", "2022-04-05")


def _surfaces(text: str) -> list[str]:
    return [d["surface"] for d in _decrees(text)]


def test_lower_case_kind_after_a_word_that_makes_it_a_document() -> None:
    """DOC-1: spreading, signing, possessing ('vừa có'), 'của' open a document as well."""
    assert _surfaces("Ban CHQS xã tổ chức tuyên truyền luật dân quân tự vệ cho quần chúng.") == [
        "luật dân quân tự vệ"]
    assert _surfaces("Hai đồn biên phòng ký kết kế hoạch phối hợp tuần tra năm 2025.") == [
        "kế hoạch phối hợp tuần tra năm 2025"]
    ds = _decrees("UBND huyện vừa có quyết định về việc thành lập Ban Chỉ đạo diễn tập khu vực "
                  "phòng thủ huyện Mộc Lam.")
    assert [(d["kind"], d["surface"]) for d in ds] == [
        ("Quyết định", "quyết định về việc thành lập Ban Chỉ đạo diễn tập khu vực phòng thủ "
                       "huyện Mộc Lam")]
    assert _surfaces("Đảng ủy quân sự tỉnh đã có thông báo nhân sự Chỉ huy trưởng Ban CHQS "
                     "các xã.") == ["thông báo nhân sự Chỉ huy trưởng Ban CHQS các xã"]


def test_lower_case_kind_used_as_a_verb_or_common_word_is_not_a_document() -> None:
    assert _decrees("Ban Thường vụ Huyện ủy quyết định thành lập Ban Chỉ đạo diễn tập. Các "
                    "đơn vị chấp hành kỷ luật quân đội, thực hiện đúng kế hoạch đề ra. Luật sư "
                    "Kha Văn Tịnh có kế hoạch về thăm quê; tuyên truyền luật sư tư vấn.") == []


def test_law_names_end_before_do_and_duoc_clauses() -> None:
    """DOC-2: '(sửa đổi) do <org> tổ chức', '(sửa đổi) được Quốc hội thông qua'."""
    assert _surfaces("Sau khi Luật Nghĩa vụ quân sự (sửa đổi) được Quốc hội thông qua, huyện đã "
                     "tổ chức tuyên truyền sâu rộng.") == ["Luật Nghĩa vụ quân sự (sửa đổi)"]
    assert _surfaces("Hội thảo góp ý dự án Luật Biên phòng (sửa đổi) do Ủy ban Quốc phòng và An "
                     "ninh tổ chức tại thị xã Lạc Dương.") == ["Luật Biên phòng (sửa đổi)"]


def test_law_names_keep_a_short_va_tail() -> None:
    """DOC-3: 'và' inside a name; a 'và' before a determiner or another law ends it."""
    assert _surfaces("Học viên được quán triệt Luật Phòng cháy và chữa cháy; các quy định về an "
                     "toàn.") == ["Luật Phòng cháy và chữa cháy"]
    assert _surfaces("Hội đồng thực hiện tốt Luật Giáo dục quốc phòng và an ninh, hoàn thành "
                     "chỉ tiêu.") == ["Luật Giáo dục quốc phòng và an ninh"]
    assert _surfaces("Triển khai Luật Dân quân tự vệ và các văn bản hướng dẫn thi hành.") == [
        "Luật Dân quân tự vệ"]
    assert _surfaces("Quán triệt Luật Nghĩa vụ quân sự và Luật Dân quân tự vệ cho thanh niên.") \
        == ["Luật Nghĩa vụ quân sự", "Luật Dân quân tự vệ"]


def test_plurals_and_counted_list_headers_are_not_documents() -> None:
    """DOC-4."""
    assert _decrees("Các đơn vị triển khai các Chỉ thị của Ban Thường vụ Tỉnh ủy; học tập "
                    "những Nghị quyết của cấp ủy các cấp.") == []
    ds = _decrees("Hội nghị quán triệt 03 Nghị định của Chính phủ, gồm: Nghị định số "
                  "14/2024/NĐ-CP về dân quân, Nghị định số 15/2024/NĐ-CP về phòng thủ.")
    assert [d["number"] for d in ds] == ["14/2024/NĐ-CP", "15/2024/NĐ-CP"]
    assert _decrees("Tỉnh ủy ban hành hai Chỉ thị của Ban Thường vụ về công tác tuyển quân.") == []


def test_a_coordinated_decision_beside_the_single_ones_is_not_another() -> None:
    """DOC-5."""
    assert _surfaces("Hội nghị công bố Quyết định thành lập, kiện toàn Ban Chỉ đạo diễn tập "
                     "tỉnh. Trước đó, Chủ tịch UBND tỉnh đã ký Quyết định thành lập Ban Chỉ đạo "
                     "diễn tập tỉnh; Quyết định kiện toàn Ban Chỉ đạo diễn tập tỉnh.") == [
        "Quyết định thành lập Ban Chỉ đạo diễn tập tỉnh",
        "Quyết định kiện toàn Ban Chỉ đạo diễn tập tỉnh"]
    assert _surfaces("Hội nghị công bố Quyết định thành lập, kiện toàn Ban Chỉ đạo diễn tập "
                     "huyện.") == ["Quyết định thành lập, kiện toàn Ban Chỉ đạo diễn tập huyện"]


def test_a_decision_said_again_with_more_words_is_one_document() -> None:
    assert len(_decrees("Đại tá Lục Văn Hòa công bố Quyết định thành lập Ban Chỉ đạo diễn tập "
                        "tỉnh. Ảnh: Trao Quyết định thành lập Ban Chỉ đạo diễn tập khu vực phòng "
                        "thủ tỉnh Hà Lam.")) == 1


def test_titles_in_quotes_with_the_kind_inside() -> None:
    """DOC-6 and DOC-7 (a quoted title longer than 120 characters)."""
    assert _surfaces("Huyện xây dựng “Kế hoạch động viên quốc phòng” và “Kế hoạch bảo đảm hậu "
                     "cần” giai đoạn 2021 - 2025.") == [
        "Kế hoạch động viên quốc phòng", "Kế hoạch bảo đảm hậu cần"]
    title = ("Tăng cường giáo dục quốc phòng và an ninh cho đội ngũ cán bộ chủ chốt ở cơ sở, "
             "chức sắc tôn giáo và người có uy tín trên địa bàn tỉnh giai đoạn 2024-2030")
    assert len(title) > 120
    ds = _decrees(f"Tỉnh triển khai Đề án “{title}”.")
    assert [(d["kind"], d.get("subkind"), d["surface"]) for d in ds] == [
        ("other", "Đề án", f"Đề án “{title}”")]


def test_capitalised_document_with_any_subject_and_an_issuer_or_year() -> None:
    """DOC-8 and DOC-9 ('Chỉ lệnh', kind other)."""
    ds = _decrees("Bộ CHQS tỉnh tổ chức hội nghị quán triệt Kế hoạch huấn luyện của Bộ CHQS tỉnh.")
    assert [(d["surface"], d["issuer"]) for d in ds] == [
        ("Kế hoạch huấn luyện của Bộ CHQS tỉnh", "Bộ CHQS tỉnh")]
    ds = _decrees("Các đơn vị quán triệt Chỉ lệnh huấn luyện năm 2024 của Tư lệnh Quân khu 2.")
    assert [(d["kind"], d.get("subkind"), d["issuer"]) for d in ds] == [
        ("other", "Chỉ lệnh", "Tư lệnh Quân khu 2")]
    assert _decrees("Kế hoạch đặt ra nhiều chỉ tiêu cao. Nghị quyết nêu rõ nhiệm vụ.") == []


def test_documents_in_a_related_article_link_are_page_furniture() -> None:
    """DOC-10."""
    assert _decrees("Huyện Lũng Tà hoàn thành giao quân.\nBài liên quan\nTam Đảo ban hành "
                    "Nghị quyết về công tác dân quân năm 2020 (05/03/2020 14:20)\n") == []


def test_issue_date_before_the_issuer_with_ra() -> None:
    """DOC-11."""
    ds = _decrees("Ngày 5-6-2019, UBND tỉnh ra Quyết định số 1520/QĐ-UBND phê chuẩn kế hoạch "
                  "diễn tập.")
    assert (ds[0]["number"], ds[0]["date"]) == ("1520/QĐ-UBND", "2019-06-05")


def test_short_number_keeps_its_issuer_term_and_title() -> None:
    ds = _decrees("Tiếp tục thực hiện Nghị quyết số 28 ngày 25/10/2013 của Ban Chấp hành Trung "
                  "ương Đảng (khóa XI) về “Chiến lược bảo vệ Tổ quốc trong tình hình mới”; giữ "
                  "vững trận địa.")
    d = ds[0]
    assert (d["number"], d["date"], d["issuer"]) == ("28", "2013-10-25",
                                                     "Ban Chấp hành Trung ương Đảng")
    assert d["surface"].endswith("(khóa XI)") and "Chiến lược bảo vệ Tổ quốc" in d["title"]
    d = _decrees("Quán triệt Nghị quyết 28 của Ban Chấp hành Trung ương Đảng khóa XI về Chiến "
                 "lược bảo vệ Tổ quốc.")[0]
    assert d["issuer"] == "Ban Chấp hành Trung ương Đảng" and d["title"].startswith("về Chiến")


def test_same_number_with_other_date_or_issuer_is_another_document() -> None:
    ds = _decrees("Quán triệt Nghị quyết số 28-NQ/TW ngày 22/9/2008 của Bộ Chính trị và Nghị "
                  "quyết số 28-NQ/TW ngày 25/10/2013 của Ban Chấp hành Trung ương.")
    assert [(d["date"], d["issuer"]) for d in ds] == [
        ("2008-09-22", "Bộ Chính trị"), ("2013-10-25", "Ban Chấp hành Trung ương")]
    assert len({d["id"] for d in ds}) == 2
    ds = _decrees("Thực hiện Nghị quyết 28/NQ-CP của Chính phủ và Nghị quyết 28/NQ-CP của Quốc "
                  "hội khóa XV.")
    assert len(ds) == 2


def test_issuer_written_before_the_document() -> None:
    ds = _decrees("Bộ Quốc phòng đã có quyết định về việc cán bộ nghỉ công tác đối với Đại tá "
                  "Lương Văn Ký. Sáng 5/6, Chủ tịch UBND tỉnh ký Quyết định số 12/QĐ-UBND về "
                  "diễn tập.")
    assert [(d["surface"], d["issuer"]) for d in ds] == [
        ("quyết định về việc cán bộ nghỉ công tác đối với Đại tá Lương Văn Ký", "Bộ Quốc phòng"),
        ("Quyết định số 12/QĐ-UBND", "Chủ tịch UBND tỉnh")]


def test_issuer_of_a_counted_header_and_after_the_title() -> None:
    ds = _decrees("Hội nghị quán triệt 02 Nghị quyết của Bộ Chính trị, gồm: Nghị quyết số "
                  "91-NQ/TW về biển, Nghị quyết số 92-NQ/TW về biên giới. Quyết định 77/QĐ-TTg "
                  "năm 2022 phê duyệt Đề án “Dân quân” do Thủ tướng Chính phủ ban hành.")
    assert [(d["number"], d["issuer"]) for d in ds] == [
        ("91-NQ/TW", "Bộ Chính trị"), ("92-NQ/TW", "Bộ Chính trị"),
        ("77/QĐ-TTg", "Thủ tướng Chính phủ")]


def test_an_article_number_is_not_a_count_and_a_law_keeps_its_year() -> None:
    ds = _decrees("Theo khoản 2 Điều 5 Luật Nghĩa vụ quân sự năm 2015, công dân phải đăng ký.")
    assert [(d["surface"], d["date"]) for d in ds] == [("Luật Nghĩa vụ quân sự năm 2015", "2015")]


def test_a_year_inside_a_sentence_does_not_make_a_document() -> None:
    assert _decrees("Kế hoạch năm 2024 đề ra 5 chỉ tiêu chủ yếu cho huyện.") == []


def test_va_before_a_lower_case_kind_word_ends_the_law() -> None:
    assert _surfaces("Quán triệt Luật Dân quân tự vệ và nghị định; tổ chức huấn luyện.") == [
        "Luật Dân quân tự vệ"]


def test_link_line_with_the_time_first_is_furniture_too() -> None:
    assert _decrees("Tin liên quan\nHuyện Vân Lũng ban hành Kế hoạch diễn tập năm 2021 "
                    "(14:20 05/03/2021)\n") == []


def test_a_kind_word_referring_back_is_not_a_new_document() -> None:
    ds = _decrees("Huyện tổng kết Nghị quyết số 12-NQ/HU của Huyện ủy. Bí thư yêu cầu tiếp tục "
                  "quán triệt nghiêm túc Nghị quyết, đưa nhiệm vụ quốc phòng vào nghị quyết của "
                  "cấp ủy hằng năm.")
    assert [d["number"] for d in ds] == ["12-NQ/HU"]


def test_a_kind_word_later_in_a_plural_list_is_generic_too() -> None:
    assert _surfaces("Lực lượng vũ trang quán triệt các chủ trương, Nghị quyết của Đảng, chính "
                     "sách của Nhà nước; thực hiện các văn bản, Chỉ thị, Nghị quyết của cấp trên "
                     "và Luật Dân quân tự vệ năm 2019.") == ["Luật Dân quân tự vệ năm 2019"]


def test_theo_and_cua_before_a_lower_case_kind() -> None:
    assert _surfaces("Theo quyết định của Bộ trưởng Bộ Quốc phòng, Đại tá Kim Văn Lộc giữ chức "
                     "Chính ủy. Diễn tập theo kế hoạch của UBND tỉnh; theo kế hoạch, lễ kéo dài "
                     "2 giờ. Học viên nắm các nội dung của luật nghĩa vụ quân sự.") == [
        "quyết định của Bộ trưởng Bộ Quốc phòng", "luật nghĩa vụ quân sự"]


def test_laws_with_a_number_or_a_bare_year_and_lists_of_laws() -> None:
    ds = _decrees("Tuyên truyền Luật Phòng thủ dân sự số 18/2023/QH15 và Luật Dân quân tự vệ 2019 "
                  "cho nhân dân; quán triệt các Luật Quốc phòng, Luật Biên phòng Việt Nam.")
    assert [(d["surface"], d["number"], d["date"]) for d in ds] == [
        ("Luật Phòng thủ dân sự số 18/2023/QH15", "18/2023/QH15", None),
        ("Luật Dân quân tự vệ 2019", None, "2019"), ("Luật Quốc phòng", None, None),
        ("Luật Biên phòng Việt Nam", None, None)]


def test_a_capitalised_kind_followed_by_its_body_or_about_a_word_later() -> None:
    assert _surfaces("Tiếp tục thực hiện Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XVII, nhiệm kỳ "
                     "2020-2025. Huyện ủy ban hành nghị quyết chuyên đề về công tác quân sự.") == [
        "Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XVII, nhiệm kỳ 2020-2025",
        "nghị quyết chuyên đề về công tác quân sự"]
    assert _decrees("Trao quyết định cho đồng chí về nhận công tác mới.") == []


def test_a_caption_naming_the_resolution_by_its_body_is_the_numbered_one() -> None:
    ds = _decrees("Ảnh: Bí thư Lò Văn Pọm quán triệt Nghị quyết Đảng ủy\nHội nghị quán triệt "
                  "Nghị quyết số 07-NQ/ĐU ngày 3/1/2024 của Đảng ủy xã về nhiệm vụ quốc phòng.")
    assert [d["number"] for d in ds] == ["07-NQ/ĐU"] and len(ds[0]["mentions"]) == 2
    assert _surfaces("Ảnh: quán triệt Nghị quyết Đảng ủy xã Nà Lừa.") == [
        "Nghị quyết Đảng ủy xã Nà Lừa"]


def test_a_number_with_its_year_is_one_document_and_a_short_one_of_another_year_is_not() -> None:
    ds = _decrees("Chính phủ ban hành Nghị định số 21/2019/NĐ-CP ngày 14/02/2019 về khu vực "
                  "phòng thủ. UBND tỉnh có Nghị định số 21/2019/NĐ-CP; năm 2021 thực hiện Nghị "
                  "định số 21 ngày 3/3/2021 của Chính phủ về dân quân.")
    assert [(d["number"], len(d["mentions"])) for d in ds] == [("21/2019/NĐ-CP", 2), ("21", 1)]


def test_a_caption_with_abbreviations_re_words_the_decision() -> None:
    ds = _decrees("Hội nghị công bố Quyết định về việc thành lập Ban Chỉ đạo diễn tập khu vực "
                  "phòng thủ tỉnh năm 2024.\nĐại tá Hà Văn Lập trao quyết định thành lập BCĐ diễn "
                  "tập KVPT tỉnh.")
    assert len(ds) == 1 and len(ds[0]["mentions"]) == 2


def test_a_kind_word_opening_a_sentence_needs_a_subject_head() -> None:
    """'Hướng dẫn các đơn vị ...' is a verb; 'Quyết định thành lập ...' still a document, and
    a plan (never a verb) opening a line keeps its year and issuer."""
    assert _decrees("Hướng dẫn các đơn vị tổ chức tốt đợt huấn luyện năm 2024.") == []
    assert _surfaces("Quyết định thành lập Ban Chỉ huy diễn tập xã Pù Lau được công bố sáng "
                     "nay.") == ["Quyết định thành lập Ban Chỉ huy diễn tập xã Pù Lau"]
    assert _surfaces("Kế hoạch huấn luyện năm 2024 của Bộ CHQS tỉnh Hà Lam\nBài viết.") == [
        "Kế hoạch huấn luyện năm 2024 của Bộ CHQS tỉnh Hà Lam"]


def test_the_issuer_is_not_taken_from_inside_the_subject() -> None:
    ds = _decrees("Ban Thường vụ Tỉnh ủy ban hành Chỉ thị về tăng cường sự lãnh đạo của Đảng "
                  "đối với công tác tuyển quân năm 2025. Trung đoàn triển khai Mệnh lệnh huấn "
                  "luyện năm 2024 của Sư đoàn trưởng.")
    assert [(d["kind"], d.get("subkind"), d["issuer"]) for d in ds] == [
        ("Chỉ thị", None, "Ban Thường vụ Tỉnh ủy"), ("other", "Mệnh lệnh", "Sư đoàn trưởng")]


def test_dates_in_parentheses_after_ky_and_a_year_opening_the_clause() -> None:
    ds = _decrees("Thực hiện Quyết định số 12/QĐ-UBND (ngày 5/6/2019) của UBND tỉnh và Kế hoạch "
                  "số 7/KH-BCH ký ngày 15/1/2024 của Bộ CHQS tỉnh. Năm 2019, Quốc hội thông qua "
                  "Luật Dân quân tự vệ. Ngày 5/6/2020, UBND huyện ra quyết định thành lập Ban "
                  "Chỉ đạo diễn tập huyện.")
    assert [(d["number"], d["date"], d["issuer"]) for d in ds] == [
        ("12/QĐ-UBND", "2019-06-05", "UBND tỉnh"), ("7/KH-BCH", "2024-01-15", "Bộ CHQS tỉnh"),
        (None, "2019", "Quốc hội"), (None, "2020-06-05", "UBND huyện")]


def test_a_description_ends_before_do_and_takes_the_issuer_after_it() -> None:
    """DOC-2 for other kinds: '... do <org> tổ chức/ký'."""
    ds = _decrees("Hội nghị công bố quyết định thăng quân hàm cấp tá do Tư lệnh Quân khu ký. "
                  "Triển khai Kế hoạch huấn luyện dân quân năm 2025 do Ban CHQS huyện chủ trì "
                  "thực hiện.")
    assert [(d["surface"], d["issuer"]) for d in ds] == [
        ("quyết định thăng quân hàm cấp tá", "Tư lệnh Quân khu"),
        ("Kế hoạch huấn luyện dân quân năm 2025", None)]


def test_a_document_of_a_too_general_body_is_not_one_document() -> None:
    assert _decrees("Cán bộ, chiến sĩ quán triệt Nghị quyết của Đảng, thực hiện Chỉ thị của cấp "
                    "trên.") == []
    assert _surfaces("Cán bộ quán triệt Nghị quyết của Tỉnh ủy Hà Lam.") == [
        "Nghị quyết của Tỉnh ủy Hà Lam"]


def test_several_related_links_on_one_line_are_furniture() -> None:
    assert _decrees("Tin khác: Huyện Pù Mo ban hành Nghị quyết về công tác dân quân năm 2020 "
                    "(05/03/2020 14:20) Xã Lũng Pô triển khai Kế hoạch huấn luyện năm 2020 của "
                    "Ban CHQS xã (06/03/2020 09:10)\nBài viết tiếp.") == []
    ds = _decrees("Huyện ban hành Kế hoạch số 5/KH-UBND về diễn tập.\nTin khác: Xã Pô triển "
                  "khai Kế hoạch số 9/KH-UBND (06/03/2020 09:10)")
    assert [d["number"] for d in ds] == ["5/KH-UBND"]


def test_a_plan_named_by_its_year_alone_is_the_year_s_work() -> None:
    assert _decrees("Hội nghị triển khai kế hoạch năm 2024 của huyện.") == []
