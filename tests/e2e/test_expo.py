"""A visitor opens the expo, switches to Chinese and reads the programme, in a real browser."""

import pytest

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_visitor_reads_expo_programme_in_chinese(expo, live_server, browser_page):
    page = browser_page
    page.goto(f"{live_server.url}/events/global-sme-expo-2009/")

    assert page.locator("h1").inner_text() == "Global SME Expo 2009"
    programme = page.locator("#programme")
    assert programme.locator("h2").inner_text() == "Programme"
    assert programme.locator(".item-title").all_inner_texts() == [
        "The Long March to Facilitating International Cooperation",
        "Signing of the Shanghai Manifesto",
    ]

    page.get_by_test_id("language-zh-hans").click()
    page.wait_for_url(f"{live_server.url}/events/global-sme-expo-2009/")

    assert page.locator("html").get_attribute("lang") == "zh-Hans"
    assert page.locator("h1").inner_text() == "2009全球中小企业博览会"
    assert programme.locator("h2").inner_text() == "日程"
    assert programme.locator(".item-title").all_inner_texts() == ["促进国际合作的长征", "签署《上海宣言》"]
    assert programme.locator(".time").all_inner_texts() == ["09:30–10:00", "15:00–15:30"]
