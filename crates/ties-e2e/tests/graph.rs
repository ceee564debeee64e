//! The relationship view as a user drives it: filters change the graph, an edge opens
//! its evidence ledger and the reader at the sentence, node profiles, type toggles,
//! neighbourhood focus, drag/pin and zoom, the table, exports, and deep links.

use std::time::Duration;

use fantoccini::actions::{InputSource, MouseActions, PointerAction, MOUSE_BUTTON_LEFT};
use ties_e2e::*;

async fn edges(c: &Client) -> Vec<String> {
    let mut out = Vec::new();
    for e in c.find_all(Locator::Css("[data-testid=graph] g.edge")).await.unwrap() {
        out.push(e.attr("data-edge").await.unwrap().unwrap_or_default());
    }
    out
}

async fn settled(c: &Client) {
    wait_for("the layout to settle", || async {
        let el = c.find(Locator::Css("[data-testid=graph]")).await.ok()?;
        (el.attr("data-settled").await.ok().flatten()? == "true").then_some(())
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn filters_change_the_graph_and_the_graph_fits_its_pane() {
    let (_s, b) = open_app("#view=graph").await;
    let c = &b.client;
    settled(c).await;
    let all = edges(c).await;
    assert!(all.len() >= 20, "{all:?}");
    assert!(all.contains(&"taliban-alliance-al-qaeda".to_string()));
    // Every node is inside the visible pane after fitting.
    click(c, "[data-testid=fit]").await;
    let outside = js(
        c,
        "const r = document.querySelector('[data-testid=graph]').getBoundingClientRect();
         return [...document.querySelectorAll('.graph g.node path')].filter(p => {
           const b = p.getBoundingClientRect();
           return b.left < r.left - 1 || b.right > r.right + 1 || b.top < r.top - 1 || b.bottom > r.bottom + 1; }).length",
    )
    .await;
    assert_eq!(outside, 0);
    // A source filter redraws the graph from that source's documents only.
    click(c, "[data-facet=source] .facet-value:nth-child(1) input").await;
    let fewer = wait_for("a smaller graph", || async {
        let e = edges(c).await;
        (e.len() < all.len()).then_some(e)
    })
    .await;
    assert!(!fewer.is_empty());
    settled(c).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn an_edge_opens_its_ledger_and_the_reader_at_the_sentence() {
    let (_s, b) = open_app("#view=graph").await;
    let c = &b.client;
    settled(c).await;
    press_enter_on(c, "g.edge[data-edge=taliban-alliance-al-qaeda]").await;
    wait_text(c, "#ledger-title", |t| t == "Taliban — al-Qaeda").await;
    assert!(hash(c).await.contains("edge=taliban,alliance,al-qaeda"));
    let items = texts(c, "[data-testid=ledger] > .evidence-list [data-testid=evidence] blockquote").await;
    assert!(items.len() >= 10, "{}", items.len());
    // Both actors and the cue are marked in each sentence.
    let marks = c
        .find_all(Locator::Css("[data-testid=ledger] > .evidence-list [data-testid=evidence]:first-child mark"))
        .await
        .unwrap();
    assert_eq!(marks.len(), 3);
    // Contested: the pair also has rivalry evidence, shown beside.
    if c.find(Locator::Css("[data-testid=contested]")).await.is_ok() {
        assert!(c.find(Locator::Css(".sibling[data-rel=rivalry]")).await.is_ok());
    }
    // The document list narrows to the edge's documents.
    let n_docs = js(c, "return document.querySelector('[data-testid=tab-list]').textContent").await;
    assert_ne!(n_docs, "Documents (6)");
    // Read in context: the reader opens scrolled to the highlighted sentence.
    let sentence = items[0].clone();
    click(c, "[data-testid=ledger] > .evidence-list [data-testid=evidence]:first-child [data-testid=open-at-sentence]")
        .await;
    wait_for("the focused sentence", || async {
        let t = text(c, ".reader .focus").await;
        (!t.is_empty()).then_some(())
    })
    .await;
    // Pieces of the sentence are separate elements; compare the words.
    let squash = |s: &str| s.split_whitespace().collect::<String>();
    let focused = texts(c, ".reader .focus").await.join("");
    assert_eq!(squash(&focused), squash(&sentence));
    let visible = js(c, "const r = document.querySelector('.reader .focus').getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight").await;
    assert_eq!(visible, true);
}

#[tokio::test(flavor = "multi_thread")]
async fn nodes_open_profiles_and_focus_neighbourhoods_and_types_toggle() {
    let (_s, b) = open_app("#view=graph").await;
    let c = &b.client;
    settled(c).await;
    click(c, "g.node[data-actor=haqqani-network] path").await;
    wait_text(c, "#profile-title", |t| t == "Haqqani Network").await;
    assert!(text(c, ".profile .aliases").await.contains("Haqqanis"));
    assert!(!texts(c, "[data-testid=per-doc] li").await.is_empty());
    assert!(!texts(c, "[data-testid=by-type] li").await.is_empty());
    let announced = js(c, "return document.querySelector('[data-testid=neighbourhood]').textContent").await;
    assert!(announced.as_str().unwrap().contains("al-Qaeda"), "{announced}");
    // Hovering highlights a neighbourhood: the others dim.
    let isis = c.find(Locator::Css("g.node[data-actor=isis] path")).await.unwrap();
    c.perform_actions(MouseActions::new("mouse".into()).then(PointerAction::MoveToElement {
        element: isis,
        duration: None,
        x: 0.0,
        y: 0.0,
    }))
    .await
    .unwrap();
    wait_for("a dimmed graph around ISIS", || async {
        let lit = c.find_all(Locator::Css("g.node:not(.dim)")).await.ok()?;
        let mut keys = Vec::new();
        for n in lit {
            keys.push(n.attr("data-actor").await.ok().flatten()?);
        }
        (keys.contains(&"isis".to_string())
            && keys.contains(&"al-qaeda".to_string())
            && !keys.contains(&"hamas".to_string()))
        .then_some(())
    })
    .await;
    // One hop around the selection.
    let all = edges(c).await.len();
    c.find(Locator::Css("[data-testid=hops]")).await.unwrap().select_by_value("1").await.unwrap();
    let near = wait_for("the 1-hop graph", || async {
        let e = edges(c).await;
        (e.len() < all).then_some(e)
    })
    .await;
    assert!(near.iter().all(|e| e.contains("haqqani-network")), "{near:?}");
    c.find(Locator::Css("[data-testid=hops]")).await.unwrap().select_by_value("2").await.unwrap();
    wait_for("the 2-hop graph", || async { (edges(c).await.len() > near.len()).then_some(()) }).await;
    c.find(Locator::Css("[data-testid=hops]")).await.unwrap().select_by_value("0").await.unwrap();
    wait_for("the whole graph", || async { (edges(c).await.len() == all).then_some(()) }).await;
    // Type toggles.
    click(c, "input[data-rel=rivalry]").await;
    wait_for("no rivalry edges", || async { edges(c).await.iter().all(|e| !e.contains("-rivalry-")).then_some(()) })
        .await;
    assert!(hash(c).await.contains("hide=rivalry"));
    // Groups and states only.
    click(c, "[data-testid=hide-persons]").await;
    wait_for("no person nodes", || async {
        c.find_all(Locator::Css("g.node[data-actor=donald-trump], g.node[data-actor=ayman-al-zawahiri]"))
            .await
            .ok()?
            .is_empty()
            .then_some(())
    })
    .await;
    // Minimum evidence.
    let before = edges(c).await.len();
    c.execute("const s = document.querySelector('[data-testid=min-evidence]'); s.value = 3; s.dispatchEvent(new Event('input', {bubbles: true}))", vec![]).await.unwrap();
    wait_for("strong edges only", || async { (edges(c).await.len() < before).then_some(()) }).await;
    assert!(hash(c).await.contains("min=3"));
}

#[tokio::test(flavor = "multi_thread")]
async fn drag_pins_double_click_releases_and_zoom_works() {
    let (_s, b) = open_app("#view=graph").await;
    let c = &b.client;
    settled(c).await;
    let node = c.find(Locator::Css("g.node[data-actor=iran] path")).await.unwrap();
    let before = js(
        c,
        "const b = document.querySelector('g.node[data-actor=iran] path').getBoundingClientRect(); return [b.x, b.y]",
    )
    .await;
    let drag = MouseActions::new("mouse".into())
        .then(PointerAction::MoveToElement { element: node.clone(), duration: None, x: 0.0, y: 0.0 })
        .then(PointerAction::Down { button: MOUSE_BUTTON_LEFT })
        .then(PointerAction::MoveBy { duration: Some(Duration::from_millis(150)), x: 60.0, y: 40.0 })
        .then(PointerAction::MoveBy { duration: Some(Duration::from_millis(150)), x: 40.0, y: 20.0 })
        .then(PointerAction::Up { button: MOUSE_BUTTON_LEFT });
    c.perform_actions(drag).await.unwrap();
    wait_for("a pinned node", || async { c.find(Locator::Css("g.node.pinned[data-actor=iran]")).await.ok() }).await;
    let after = js(
        c,
        "const b = document.querySelector('g.node[data-actor=iran] path').getBoundingClientRect(); return [b.x, b.y]",
    )
    .await;
    let dx = after[0].as_f64().unwrap() - before[0].as_f64().unwrap();
    assert!(dx > 60.0, "moved by {dx}");
    // The drag did not select (it was not a click).
    assert!(c.find(Locator::Css("[data-testid=profile]")).await.is_err());
    let node = c.find(Locator::Css("g.node[data-actor=iran] path")).await.unwrap();
    let dbl = MouseActions::new("mouse".into())
        .then(PointerAction::MoveToElement { element: node, duration: None, x: 0.0, y: 0.0 })
        .then(PointerAction::Down { button: MOUSE_BUTTON_LEFT })
        .then(PointerAction::Up { button: MOUSE_BUTTON_LEFT })
        .then(PointerAction::Down { button: MOUSE_BUTTON_LEFT })
        .then(PointerAction::Up { button: MOUSE_BUTTON_LEFT });
    c.perform_actions(dbl).await.unwrap();
    wait_for("released", || async {
        c.find(Locator::Css("g.node.pinned[data-actor=iran]")).await.is_err().then_some(())
    })
    .await;
    // Zoom by button, by wheel, and fit.
    let zoom = || async {
        c.find(Locator::Css("[data-testid=graph]"))
            .await
            .unwrap()
            .attr("data-zoom")
            .await
            .unwrap()
            .unwrap()
            .parse::<f64>()
            .unwrap()
    };
    let z0 = zoom().await;
    click(c, "[aria-label='Zoom in']").await;
    wait_for("zoomed in", || async { (zoom().await > z0 * 1.2).then_some(()) }).await;
    c.execute(
        "const g = document.querySelector('[data-testid=graph]'); const r = g.getBoundingClientRect();
         g.dispatchEvent(new WheelEvent('wheel', {deltaY: 400, clientX: r.x + r.width / 2, clientY: r.y + r.height / 2, bubbles: true, cancelable: true}))",
        vec![],
    )
    .await
    .unwrap();
    wait_for("zoomed out by wheel", || async { (zoom().await < z0).then_some(()) }).await;
    click(c, "[data-testid=fit]").await;
    wait_for("fitted", || async { ((zoom().await - z0).abs() < 0.05).then_some(()) }).await;
    // Pan by dragging the background keeps the zoom.
    let pan = MouseActions::new("mouse".into())
        .then(PointerAction::MoveToElement {
            element: c.find(Locator::Css("[data-testid=graph]")).await.unwrap(),
            duration: None,
            x: -300.0,
            y: -150.0,
        })
        .then(PointerAction::Down { button: MOUSE_BUTTON_LEFT })
        .then(PointerAction::MoveBy { duration: Some(Duration::from_millis(100)), x: 50.0, y: 30.0 })
        .then(PointerAction::Up { button: MOUSE_BUTTON_LEFT });
    c.perform_actions(pan).await.unwrap();
    assert!((zoom().await - z0).abs() < 0.05);
}

#[tokio::test(flavor = "multi_thread")]
async fn the_table_sorts_and_selects_with_the_keyboard() {
    let (_s, b) = open_app("#view=table").await;
    let c = &b.client;
    let rows = wait_for("table rows", || async {
        let r = c.find_all(Locator::Css("[data-testid=edge-table] tbody tr")).await.ok()?;
        (!r.is_empty()).then_some(r.len())
    })
    .await;
    assert!(rows >= 20);
    let counts = |c: &Client| {
        let c = c.clone();
        async move {
            texts(&c, "[data-testid=edge-table] td.num")
                .await
                .iter()
                .map(|t| t.parse::<usize>().unwrap())
                .collect::<Vec<_>>()
        }
    };
    let desc = counts(c).await;
    assert!(desc.windows(2).all(|w| w[0] >= w[1]), "{desc:?}");
    click(c, "[data-testid=edge-table] th:nth-child(4) button").await;
    wait_for("ascending", || async {
        let v = counts(c).await;
        v.windows(2).all(|w| w[0] <= w[1]).then_some(())
    })
    .await;
    assert_eq!(
        c.find(Locator::Css("th:nth-child(4)")).await.unwrap().attr("aria-sort").await.unwrap().as_deref(),
        Some("ascending")
    );
    press_enter_on(c, "[data-testid=edge-table] tbody tr[data-edge=taliban-alliance-al-qaeda]").await;
    wait_text(c, "#ledger-title", |t| t == "Taliban — al-Qaeda").await;
}

#[tokio::test(flavor = "multi_thread")]
async fn exports_write_svg_png_and_the_evidence_pack() {
    let dir = std::env::temp_dir().join(format!("ties-graph-dl-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let (_s, b) = open_app_with("#view=graph", Opts { downloads: Some(dir.clone()), ..Opts::default() }).await;
    let c = &b.client;
    settled(c).await;
    let n_nodes = c.find_all(Locator::Css("g.node")).await.unwrap().len();
    let n_edges = edges(c).await.len();
    for id in ["export-svg", "export-png", "export-evidence-csv", "export-evidence-json"] {
        click(c, &format!("[data-testid={id}]")).await;
    }
    let read = |name: &'static str| {
        let path = dir.join(name);
        async move { wait_for(name, || async { std::fs::read(&path).ok().filter(|b| !b.is_empty()) }).await }
    };
    let svg = String::from_utf8(read("ties-graph.svg").await).unwrap();
    let png = read("ties-graph.png").await;
    let csv = String::from_utf8(read("ties-evidence.csv").await).unwrap();
    let json = String::from_utf8(read("ties-evidence.json").await).unwrap();
    std::fs::remove_dir_all(&dir).ok();
    // The SVG parses as XML and holds the graph on screen.
    assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
    let parsed = roxmltree::Document::parse(&svg).expect("well-formed SVG");
    let count = |class: &str| parsed.descendants().filter(|n| n.attribute("class") == Some(class)).count();
    assert_eq!(count("node"), n_nodes);
    assert_eq!(count("edge"), n_edges);
    assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
    let pack: serde_json::Value = serde_json::from_str(&json).expect("valid JSON");
    let pack_edges = pack["edges"].as_array().unwrap();
    assert_eq!(pack_edges.len(), n_edges);
    let sentences: usize = pack_edges.iter().map(|e| e["evidence"].as_array().unwrap().len()).sum();
    assert!(pack_edges.iter().all(|e| e["evidence"]
        .as_array()
        .unwrap()
        .iter()
        .all(|ev| !ev["citation"].as_str().unwrap().is_empty())));
    assert_eq!(csv.matches("\r\n").count(), sentences + 1);
}

#[tokio::test(flavor = "multi_thread")]
async fn deep_links_restore_a_selected_edge_and_reader_mentions_select_nodes() {
    let (_s, b) = open_app("#view=graph&edge=haqqani-network,sanctuary,al-qaeda").await;
    let c = &b.client;
    wait_text(c, "#ledger-title", |t| t == "Haqqani Network → al-Qaeda").await;
    settled(c).await;
    assert!(c.find(Locator::Css("g.edge.selected[data-edge=haqqani-network-sanctuary-al-qaeda]")).await.is_ok());
    // Nodes are reachable by keyboard: they are focusable buttons with names.
    let nodes = c.find_all(Locator::Css("g.node[tabindex='0'][role=button][aria-label]")).await.unwrap();
    assert!(nodes.len() >= 20);
    // A mention clicked in the reader selects its node.
    click(c, "[data-testid=tab-list]").await;
    click(c, "[data-key=asim-umar-raid-taliban-al-qaeda] .result-open").await;
    click(c, ".reader-body .mention[data-actor=isis]").await;
    wait_for("selection in the hash", || async { hash(c).await.contains("sel=isis").then_some(()) }).await;
    click(c, "[aria-label='Back to the results (Esc)']").await;
    click(c, "[data-testid=tab-graph]").await;
    wait_for("the selected node", || async { c.find(Locator::Css("g.node.selected[data-actor=isis]")).await.ok() })
        .await;
    wait_text(c, "#profile-title", |t| t.starts_with("Islamic State")).await;
}
