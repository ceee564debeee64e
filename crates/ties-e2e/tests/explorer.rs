//! The explorer as a user drives it: facets and live counts, AND/OR, search syntax,
//! highlights, the reader, deep links and history, the keyboard, exports, the XSS case,
//! layouts and an axe-core scan.

use std::time::Duration;

use fantoccini::key::Key;
use ties_e2e::*;

/// The facet value rows of a facet, as (label, count, checkbox).
async fn facet_values(c: &Client, facet: &str) -> Vec<(String, usize, fantoccini::elements::Element)> {
    let mut out = Vec::new();
    for row in c.find_all(Locator::Css(&format!("[data-facet={facet}] .facet-value"))).await.unwrap() {
        let label = row.find(Locator::Css(".value-label")).await.unwrap().text().await.unwrap();
        let count = row.find(Locator::Css(".value-count")).await.unwrap().text().await.unwrap().parse().unwrap();
        let input = row.find(Locator::Css("input")).await.unwrap();
        out.push((label, count, input));
    }
    out
}

async fn value(c: &Client, facet: &str, label: &str) -> (usize, fantoccini::elements::Element) {
    facet_values(c, facet)
        .await
        .into_iter()
        .find(|(l, _, _)| l == label)
        .map(|(_, n, el)| (n, el))
        .unwrap_or_else(|| panic!("no {facet} value {label}"))
}

async fn wait_count(c: &Client, n: usize) {
    wait_for(&format!("{n} results"), || async { (result_count(c).await == n).then_some(()) }).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn facets_show_live_counts_and_combine_or_within_and_across() {
    let (_s, b) = open_app("").await;
    let c = &b.client;
    wait_count(c, 6).await;
    // Every value's count is the number of results selecting it gives.
    let (n_haqqani, el) = value(c, "actor", "Haqqani Network").await;
    el.click().await.unwrap();
    wait_count(c, n_haqqani).await;
    assert!(n_haqqani >= 2);
    // OR within the facet: the union of both values' documents.
    let (n_isis_k, el) = value(c, "actor", "ISIS-K (Khorasan Province)").await;
    el.click().await.unwrap();
    let n_isis_k_or = wait_for("the union", || async {
        let n = result_count(c).await;
        (n > n_haqqani).then_some(n)
    })
    .await;
    assert!(n_isis_k_or >= n_isis_k && n_isis_k_or <= n_haqqani + n_isis_k);
    // "All selected": documents naming every selected actor.
    click(c, "[data-testid=actor-mode] label:nth-of-type(2) input").await;
    let both = wait_for("all-mode count", || async {
        let n = result_count(c).await;
        (n < n_isis_k_or).then_some(n)
    })
    .await;
    assert!(both <= n_haqqani);
    assert!(hash(c).await.contains("all=1"));
    click(c, "[data-testid=actor-mode] label:nth-of-type(1) input").await;
    wait_count(c, n_isis_k_or).await;
    // AND across facets: a source narrows the actor selection to its documents.
    let (n_src, el) = value(c, "source", "War on the Rocks").await;
    el.click().await.unwrap();
    wait_count(c, n_src).await;
    assert!(n_src <= n_isis_k_or);
    let chips = texts(c, ".chip").await;
    assert_eq!(chips.len(), 3, "{chips:?}");
    // Remove one chip, then clear all.
    click(c, ".chip").await;
    wait_for("two chips", || async { (texts(c, ".chip").await.len() == 2).then_some(()) }).await;
    click(c, "[data-testid=clear-all]").await;
    wait_count(c, 6).await;
    assert!(c.find(Locator::Css(".chip")).await.is_err());
    // Type-ahead narrows the values shown; actors are grouped by kind.
    let groups = texts(c, "[data-facet=actor] .facet-group h3").await;
    assert_eq!(groups, ["Armed groups", "States", "People", "Institutions"]);
    c.find(Locator::Css("[data-facet=actor] .facet-filter")).await.unwrap().send_keys("haqq").await.unwrap();
    wait_for("filtered actor values", || async {
        let labels: Vec<String> = facet_values(c, "actor").await.into_iter().map(|v| v.0).collect();
        labels.iter().all(|l| l.to_lowercase().contains("haqq")).then_some(labels)
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn search_syntax_ranking_and_highlights() {
    let (_s, b) = open_app("").await;
    let c = &b.client;
    let search = c.find(Locator::Css("#search")).await.unwrap();
    let run = |q: &'static str| {
        let search = search.clone();
        async move {
            search.clear().await.unwrap();
            search.send_keys(q).await.unwrap();
            tokio::time::sleep(Duration::from_millis(150)).await;
        }
    };
    run("\"safe haven\"").await;
    let n = result_count(c).await;
    assert!((1..6).contains(&n), "{n}");
    let marks = texts(c, ".snippet mark").await;
    assert!(!marks.is_empty() && marks.iter().all(|m| m.to_lowercase() == "safe haven"), "{marks:?}");
    // Exclusion.
    run("iran -taliban").await;
    let titles = texts(c, "[data-testid=doc] .doc-title").await;
    assert_eq!(titles.len(), 1, "{titles:?}");
    assert!(titles[0].starts_with("A Week Into the Fragile Israel-Iran"));
    // Prefix.
    run("negotiat*").await;
    let marks = texts(c, ".snippet mark").await;
    assert!(marks.iter().all(|m| m.to_lowercase().starts_with("negotiat")), "{marks:?}");
    // Case and diacritics are ignored.
    run("QAÏDA").await;
    let n_diacritic = result_count(c).await;
    run("qaida").await;
    assert_eq!(result_count(c).await, n_diacritic);
    // A broken query still answers, and says what it repaired.
    run("\"unclosed phrase").await;
    assert!(text(c, "[data-testid=query-notes]").await.contains("closing quote"));
    // Empty results say which filter to drop, and the button drops it.
    run("zzyzx").await;
    assert!(text(c, "[data-testid=empty]").await.contains("Remove the search"));
    click(c, "[data-testid=apply-hint]").await;
    wait_count(c, 6).await;
    // Search combines with facets and ranks by BM25: counts shown per result.
    run("taliban").await;
    let all = result_count(c).await;
    let (n_year, el) = value(c, "year", "2021").await;
    el.click().await.unwrap();
    wait_count(c, n_year).await;
    assert!(n_year < all);
    let hits: Vec<usize> = texts(c, "[data-testid=doc] .hits")
        .await
        .iter()
        .map(|h| h.chars().filter(char::is_ascii_digit).collect::<String>().parse().unwrap_or(0))
        .collect();
    assert!(hits.iter().all(|&h| h > 0), "{hits:?}");
}

#[tokio::test(flavor = "multi_thread")]
async fn the_reader_highlights_navigates_and_shows_provenance() {
    let (_s, b) = open_app("#q=taliban").await;
    let c = &b.client;
    click(c, "[data-key=wotr-bacon-17-years] .result-open").await;
    wait_text(c, "#reader-title", |t| t.starts_with("Policy Roundtable")).await;
    // Headings and paragraphs of the clean text.
    assert!(texts(c, ".reader-body h3").await.contains(&"Prospects Going Forward".to_string()));
    // Mentions highlighted by kind; themes as tags.
    assert!(c.find_all(Locator::Css(".reader-body .mention.kind-group")).await.unwrap().len() > 20);
    assert!(c.find_all(Locator::Css(".reader-body .mention.kind-person")).await.unwrap().len() > 3);
    assert!(!texts(c, ".tags .tag").await.is_empty());
    // Hits with next and previous.
    let pos = text(c, "[data-testid=hit-position]").await;
    assert!(pos.starts_with("hit 1 of "), "{pos}");
    click(c, "[aria-label='Next hit (n)']").await;
    wait_text(c, "[data-testid=hit-position]", |t| t.starts_with("hit 2 of ")).await;
    assert_eq!(text(c, ".reader-body mark.current").await.to_lowercase(), "taliban");
    click(c, "[aria-label='Previous hit (p)']").await;
    click(c, "[aria-label='Previous hit (p)']").await;
    let last =
        wait_text(c, "[data-testid=hit-position]", |t| !t.starts_with("hit 2 ") && !t.starts_with("hit 1 ")).await;
    let parts: Vec<&str> = last.split_whitespace().collect();
    assert_eq!(parts[1], parts[3], "wraps to the last hit: {last}");
    // Citation.
    let cite = text(c, "[data-testid=citation]").await;
    assert_eq!(cite, "Tricia Bacon, \u{201C}Policy Roundtable: 17 Years After September 11 (excerpt)\u{201D}, War on the Rocks, 2018-09-11. https://tnsr.org/roundtable/policy-roundtable-17-years-after-september-11/");
    click(c, "[data-testid=copy-citation]").await;
    wait_text(c, ".copied", |t| t.contains("Copied")).await;
    // The original raw text, lost ligatures and all, for provenance.
    click(c, "[data-testid=raw-toggle]").await;
    let raw = text(c, "[data-testid=raw-text]").await;
    assert!(raw.contains("a\u{FFFD}er their leader"));
    click(c, "[data-testid=raw-toggle]").await;
    // Clicking a mention filters by that actor.
    click(c, ".reader-body .mention[data-actor=haqqani-network]").await;
    wait_for("actor chip", || async {
        texts(c, ".chip").await.iter().any(|t| t.contains("Haqqani Network")).then_some(())
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn deep_links_restore_the_view_and_history_steps_through_it() {
    let link = "#q=taliban&actor=haqqani-network&theme=safe-haven&doc=wotr-bacon-17-years&hit=2";
    let (s, b) = open_app(link).await;
    let c = &b.client;
    wait_text(c, "#reader-title", |t| t.starts_with("Policy Roundtable")).await;
    assert_eq!(c.find(Locator::Css("#search")).await.unwrap().prop("value").await.unwrap().as_deref(), Some("taliban"));
    let chips = texts(c, ".chip").await;
    assert!(
        chips.iter().any(|t| t.contains("Haqqani Network")) && chips.iter().any(|t| t.contains("Safe haven")),
        "{chips:?}"
    );
    wait_text(c, "[data-testid=hit-position]", |t| t.starts_with("hit 3 of")).await;
    assert_eq!(hash(c).await, link.trim_start_matches('#'));
    // Reload: the same view.
    c.refresh().await.unwrap();
    wait_text(c, "[data-testid=hit-position]", |t| t.starts_with("hit 3 of")).await;
    // A pasted link in a fresh browser restores it exactly too.
    let b2 = browser().await;
    b2.client.goto(&format!("{}{link}", s.url())).await.unwrap();
    wait_text(&b2.client, "[data-testid=hit-position]", |t| t.starts_with("hit 3 of")).await;
    // Back and forward.
    click(c, "[aria-label='Back to the results (Esc)']").await;
    wait_for("reader closed", || async { c.find(Locator::Css("[data-testid=reader]")).await.is_err().then_some(()) })
        .await;
    click(c, "[data-testid=clear-all]").await;
    wait_count(c, 6).await;
    c.back().await.unwrap();
    wait_for("filters back", || async { (texts(c, ".chip").await.len() == 2).then_some(()) }).await;
    c.back().await.unwrap();
    wait_text(c, "#reader-title", |t| t.starts_with("Policy Roundtable")).await;
    c.forward().await.unwrap();
    wait_for("reader closed again", || async {
        c.find(Locator::Css("[data-testid=reader]")).await.is_err().then_some(())
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_keyboard_drives_search_results_and_reader() {
    let (_s, b) = open_app("").await;
    let c = &b.client;
    let body = c.find(Locator::Css("body")).await.unwrap();
    body.send_keys("/").await.unwrap();
    let focused = js(c, "return document.activeElement.id").await;
    assert_eq!(focused, "search");
    let search = c.find(Locator::Css("#search")).await.unwrap();
    search.send_keys("al-qaeda").await.unwrap();
    tokio::time::sleep(Duration::from_millis(150)).await;
    search.send_keys(&Key::Down.to_string()).await.unwrap();
    wait_for("second row selected", || async {
        let sel = c.find(Locator::Css("#result-1[data-selected=true]")).await.ok()?;
        sel.attr("data-key").await.ok().flatten()
    })
    .await;
    let key = c.find(Locator::Css("#result-1")).await.unwrap().attr("data-key").await.unwrap().unwrap();
    search.send_keys(&Key::Enter.to_string()).await.unwrap();
    wait_for("reader on the selected row", || async {
        let r = c.find(Locator::Css("[data-testid=reader]")).await.ok()?;
        (r.attr("data-key").await.ok().flatten()? == key).then_some(())
    })
    .await;
    search.send_keys(&Key::Escape.to_string()).await.unwrap();
    wait_for("reader closed", || async { c.find(Locator::Css("[data-testid=reader]")).await.is_err().then_some(()) })
        .await;
    search.send_keys(&Key::Escape.to_string()).await.unwrap();
    wait_count(c, 6).await;
    assert_eq!(search.prop("value").await.unwrap().as_deref(), Some(""));
    // Every control has a visible focus: tab to a checkbox and check the outline.
    let outline = js(
        c,
        "const el = document.querySelector('[data-facet=actor] input[type=checkbox]'); el.focus(); \
         return getComputedStyle(el).outlineStyle",
    )
    .await;
    assert_ne!(outline, "none");
}

#[tokio::test(flavor = "multi_thread")]
async fn exports_write_the_result_list_as_csv_and_json() {
    let dir = std::env::temp_dir().join(format!("ties-dl-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let (_s, b) = open_app_with("#q=haqqani", Opts { downloads: Some(dir.clone()), ..Opts::default() }).await;
    let c = &b.client;
    let n = result_count(c).await;
    click(c, "[data-testid=export-csv]").await;
    click(c, "[data-testid=export-json]").await;
    let read = |name: &'static str| {
        let path = dir.join(name);
        async move { wait_for(name, || async { std::fs::read_to_string(&path).ok().filter(|s| !s.is_empty()) }).await }
    };
    let csv = read("ties-results.csv").await;
    let json = read("ties-results.json").await;
    std::fs::remove_dir_all(&dir).ok();
    assert!(csv.starts_with("rank,key,title,source,author,date,url,score,snippet\r\n"));
    assert_eq!(csv.matches("\r\n").count(), n + 1);
    let rows: serde_json::Value = serde_json::from_str(&json).expect("valid JSON");
    assert_eq!(rows.as_array().unwrap().len(), n);
    assert!(rows[0]["score"].as_f64().unwrap() > 0.0);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_document_full_of_markup_renders_inertly() {
    // The hostile fixture corpus puts markup in the text, the title, the source, the
    // author, an actor's name, a theme and a relation type (crates/ties-e2e/fixtures).
    let server = Server::start(&hostile_dist_dir(), "/");
    let b = browser().await;
    let c = &b.client;
    c.goto(&format!("{}#q=hosted", server.url())).await.unwrap();
    wait_for("the app to render", || async { c.find(Locator::Css("[data-testid=result-count]")).await.ok() }).await;
    wait_count(c, 1).await;
    let list = text(c, ".results").await;
    assert!(list.contains("Hostile <script>window.__xss = 1</script> title"), "{list}");
    click(c, "[data-key='hostile'] .result-open").await;
    wait_text(c, "#reader-title", |t| t.contains("<script>")).await;
    let reader = text(c, ".reader").await;
    for literal in [
        "<img src=x onerror=\"window.__xss = 2\">",
        "<b>bold</b>",
        "<a href=\"javascript:window.__xss = 6\">link</a>",
        "<style>body { display: none }</style>",
        "<img src=x onerror=\"window.__xss = 3\">",
        "<b>Author</b>",
    ] {
        assert!(reader.contains(literal), "{literal} not shown as text in:\n{reader}");
    }
    // The markup went through the same extraction as any text: mentions are highlighted.
    assert!(c.find_all(Locator::Css(".reader-body .mention")).await.unwrap().len() >= 4);
    // The graph, its ledger and the table carry the hostile names as text too (a fresh
    // view, as an open document would hold the side panel).
    c.goto(&format!("{}#view=graph", server.url())).await.unwrap();
    let edge = "g.edge[data-edge=taliban-sanctuary-al-qaeda]";
    wait_for("the edge", || async { c.find(Locator::Css(edge)).await.ok() }).await;
    press_enter_on(c, edge).await;
    wait_text(c, "#ledger-title", |t| t.contains("Taliban <i>movement</i>")).await;
    let ledger = text(c, "[data-testid=ledger]").await;
    assert!(ledger.contains("Sanctuary <svg onload=\"window.__xss = 5\">"), "{ledger}");
    assert!(ledger.contains("<img src=x onerror=\"window.__xss = 2\"> The Taliban hosted al-Qaeda"), "{ledger}");
    click(c, "[data-testid=tab-table]").await;
    wait_text(c, "[data-testid=edge-table]", |t| t.contains("Sanctuary <svg onload")).await;
    // The app itself draws no <img>, <i>, <u> or <style>, no <b> but the summary's and its
    // own labels, and no <svg> inside another.
    let injected = "img, .layout script, .layout style, .layout i, .layout u, a[href^='javascript'], svg svg, \
                    .layout b:not([data-testid^=count] b):not(.aliases b):not(.empty b)";
    let found = js(c, &format!("return [...document.querySelectorAll(\"{injected}\")].map(e => e.outerHTML)")).await;
    assert_eq!(found, serde_json::json!([]), "markup became elements");
    assert_eq!(js(c, "return window.__xss === undefined && document.body.offsetHeight > 0").await, true);
}

#[tokio::test(flavor = "multi_thread")]
async fn axe_finds_no_serious_violations_in_the_main_views() {
    let axe =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../.tools/node_modules/axe-core/axe.min.js"))
            .expect("axe-core in .tools (scripts/test.sh installs it)");
    for (hash, dark) in
        [("", false), ("#q=taliban&actor=taliban&doc=wotr-bacon-17-years", false), ("#doc=wotr-bacon-17-years", true)]
    {
        let opts = Opts { args: if dark { vec!["--force-dark-mode".into()] } else { vec![] }, ..Opts::default() };
        let (_s, b) = open_app_with(hash, opts).await;
        let c = &b.client;
        wait_for("the view", || async {
            c.find(Locator::Css("[data-testid=doc], [data-testid=graph], [data-testid=edge-table]")).await.ok()
        })
        .await;
        tokio::time::sleep(Duration::from_millis(600)).await;
        c.execute(&axe, vec![]).await.unwrap();
        let found = c
            .execute_async(
                "const done = arguments[arguments.length - 1];
                 axe.run(document, { resultTypes: ['violations'] }).then(r => done(
                   r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
                     .map(v => v.id + ': ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | '))));",
                vec![],
            )
            .await
            .unwrap();
        assert_eq!(found, serde_json::json!([]), "axe violations at {hash:?} (dark: {dark})");
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn layouts_fit_desktop_and_phone_and_follow_the_colour_scheme() {
    for (w, h) in [(1280, 800), (390, 844)] {
        let (_s, b) = open_app_with("#doc=aawsat-zawahiri", Opts { width: w, height: h, ..Opts::default() }).await;
        let c = &b.client;
        wait_text(c, "#reader-title", |t| !t.is_empty()).await;
        let overflow = js(c, "return document.documentElement.scrollWidth > window.innerWidth").await;
        assert_eq!(overflow, false, "horizontal overflow at {w}x{h}");
        let reader_w =
            js(c, "return document.querySelector('.reader').getBoundingClientRect().width").await.as_f64().unwrap();
        assert!(reader_w > 300.0, "reader too narrow at {w}x{h}: {reader_w}");
    }
    let bg = |dark: bool| async move {
        let opts = Opts { args: if dark { vec!["--force-dark-mode".into()] } else { vec![] }, ..Opts::default() };
        let (_s, b) = open_app_with("", opts).await;
        js(&b.client, "return getComputedStyle(document.body).backgroundColor").await
    };
    let (light, dark) = (bg(false).await, bg(true).await);
    assert_eq!(light, "rgb(255, 255, 255)");
    assert_ne!(dark, light);
}
