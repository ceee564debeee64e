//! Shipping paths: a deep sub-path of a static server, the single file opened from disk,
//! zero requests beyond the app's own files, and embedding in a host page's iframe.

use std::path::Path;
use std::time::Duration;

use ties_e2e::*;

/// The app's own files: everything in dist/.
fn own_files(dist: &Path) -> Vec<String> {
    std::fs::read_dir(dist).unwrap().flatten().map(|e| e.file_name().to_string_lossy().into_owned()).collect()
}

/// Uses the app: search, filter, open a document, the graph, an export.
async fn exercise(c: &Client) {
    let search = c.find(Locator::Css("#search")).await.unwrap();
    search.send_keys("taliban").await.unwrap();
    wait_for("results", || async { (result_count(c).await < 6).then_some(()) }).await;
    click(c, "[data-facet=theme] .facet-value input").await;
    click(c, "[data-testid=doc] .result-open").await;
    wait_text(c, "#reader-title", |t| !t.is_empty()).await;
    click(c, "[data-testid=raw-toggle]").await;
    click(c, "[data-testid=tab-graph]").await;
    wait_for("the graph", || async { c.find(Locator::Css("g.node")).await.ok() }).await;
    click(c, "[data-testid=tab-table]").await;
    tokio::time::sleep(Duration::from_millis(300)).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_deep_sub_path_works_and_nothing_outside_the_app_is_requested() {
    let dist = dist_dir();
    let base = "/portal/tools/ties/";
    let server = Server::start(&dist, base);
    let b = browser().await;
    let c = &b.client;
    // Violations of the CSP would show here.
    c.goto(&server.url()).await.unwrap();
    wait_for("six documents", || async { (texts(c, "[data-testid=doc]").await.len() == 6).then_some(()) }).await;
    js(c, "window.__violations = []; document.addEventListener('securitypolicyviolation', e => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI))").await;
    exercise(c).await;
    let own = own_files(&dist);
    let requests = server.requests();
    assert!(!requests.is_empty());
    for r in &requests {
        let path = r.split(['?', '#']).next().unwrap();
        let file = path.strip_prefix(base).unwrap_or_else(|| panic!("request outside the app's path: {r}"));
        assert!(file.is_empty() || own.iter().any(|f| f == file), "request for a file that is not the app's: {r}");
    }
    // Everything the page loaded, as the page saw it: only the app's own origin and path.
    let resources = js(c, "return performance.getEntriesByType('resource').map(e => e.name)").await;
    for r in resources.as_array().unwrap() {
        let url = r.as_str().unwrap();
        assert!(url.starts_with(&server.url()), "resource from elsewhere: {url}");
    }
    assert_eq!(js(c, "return window.__violations").await, serde_json::json!([]));
    // The policy is there and allows nothing external.
    let csp = js(c, "return document.querySelector('meta[http-equiv=Content-Security-Policy]').content").await;
    let csp = csp.as_str().unwrap();
    assert!(csp.starts_with("default-src 'none'") && !csp.contains("http") && !csp.contains('*'), "{csp}");
}

#[tokio::test(flavor = "multi_thread")]
async fn the_single_file_works_from_disk_with_its_hash_state() {
    let file = dist_dir().join("ties.html");
    assert!(file.exists(), "no dist/ties.html: run scripts/build.sh");
    let url = format!("file://{}", file.display());
    let b = browser().await;
    let c = &b.client;
    c.goto(&format!("{url}#q=haqqani&doc=wotr-bacon-17-years")).await.unwrap();
    wait_text(c, "#reader-title", |t| t.starts_with("Policy Roundtable")).await;
    wait_text(c, "[data-testid=hit-position]", |t| t.starts_with("hit 1 of")).await;
    // Nothing to offer: it is the single file already.
    assert!(c.find(Locator::Css("[data-testid=download-single]")).await.is_err());
    click(c, "[aria-label='Next hit (n)']").await;
    wait_for("hit in the hash", || async { hash(c).await.contains("hit=1").then_some(()) }).await;
    c.refresh().await.unwrap();
    wait_text(c, "[data-testid=hit-position]", |t| t.starts_with("hit 2 of")).await;
    click(c, "[data-testid=tab-graph]").await;
    wait_for("the graph", || async { c.find(Locator::Css("g.node")).await.ok() }).await;
    c.back().await.unwrap();
    wait_for("the list again", || async { c.find(Locator::Css("g.node")).await.is_err().then_some(()) }).await;
    // From disk there is no server at all; the page loaded nothing but itself.
    let resources = js(c, "return performance.getEntriesByType('resource').map(e => e.name)").await;
    assert_eq!(resources, serde_json::json!([]));
}

#[tokio::test(flavor = "multi_thread")]
async fn embedded_in_a_host_page_it_takes_views_and_themes_and_posts_selections() {
    let dist = dist_dir();
    let app = Server::start(&dist, "/portal/tools/ties/");
    let host_dir = std::env::temp_dir().join(format!("ties-host-{}", std::process::id()));
    std::fs::create_dir_all(&host_dir).unwrap();
    std::fs::write(
        host_dir.join("index.html"),
        format!(
            "<!DOCTYPE html><html><head><title>Portal</title></head><body><h1>Portal</h1>
             <iframe id=\"ties\" title=\"Ties\" width=\"1000\" height=\"620\"
               src=\"{}?embed=1&theme=--ties-accent:%23c0392b#view=graph\"></iframe>
             <script>window.__messages = []; addEventListener('message', e => {{
               if (e.source === document.getElementById('ties').contentWindow) window.__messages.push(e.data); }});</script>
             </body></html>",
            app.url()
        ),
    )
    .unwrap();
    let host = Server::start(&host_dir, "/");
    let b = browser().await;
    let c = &b.client;
    c.goto(&host.url()).await.unwrap();
    let frame = wait_for("the iframe", || async { c.find(Locator::Css("#ties")).await.ok() }).await;
    frame.enter_frame().await.unwrap();
    wait_for("the graph in the frame", || async { c.find(Locator::Css("g.node[data-actor=taliban]")).await.ok() })
        .await;
    // Embed mode: no branding header; the host's theme applies; the frame is filled.
    assert!(c.find(Locator::Css(".brand")).await.is_err());
    let accent =
        js(c, "return getComputedStyle(document.documentElement).getPropertyValue('--ties-accent').trim()").await;
    assert_eq!(accent, "#c0392b");
    let fits = js(c, "return document.documentElement.scrollHeight <= innerHeight + 1 && document.documentElement.scrollWidth <= innerWidth + 1").await;
    assert_eq!(fits, true);
    // Selecting in the app posts to the host.
    tokio::time::sleep(Duration::from_millis(600)).await;
    click(c, "g.node[data-actor=taliban] path").await;
    wait_text(c, "#profile-title", |t| t == "Taliban").await;
    c.enter_parent_frame().await.unwrap();
    let last = wait_for("a selection message", || async {
        let m = js(c, "return window.__messages.filter(m => m && m.selection).slice(-1)[0] || null").await;
        (!m.is_null()).then_some(m)
    })
    .await;
    assert_eq!(last["type"], "ties:selection");
    assert_eq!(last["version"], 1);
    assert_eq!(last["selection"]["kind"], "actor");
    assert_eq!(last["selection"]["actor"]["key"], "taliban");
    assert!(last["hash"].as_str().unwrap().contains("sel=taliban"));
    // The host sets a view and a theme by message.
    js(
        c,
        "const w = document.getElementById('ties').contentWindow;
         w.postMessage({type: 'ties:set-view', hash: 'doc=asim-umar-raid-taliban-al-qaeda'}, '*');
         w.postMessage({type: 'ties:set-theme', properties: {'--ties-accent': '#116611', '--ties-bg': 'url(http://x)'}}, '*');",
    )
    .await;
    let frame = c.find(Locator::Css("#ties")).await.unwrap();
    frame.enter_frame().await.unwrap();
    wait_text(c, "#reader-title", |t| t.starts_with("Asim Umar raid")).await;
    let accent =
        js(c, "return getComputedStyle(document.documentElement).getPropertyValue('--ties-accent').trim()").await;
    assert_eq!(accent, "#116611");
    let bg = js(c, "return getComputedStyle(document.documentElement).getPropertyValue('--ties-bg').trim()").await;
    assert!(!bg.as_str().unwrap().contains("url"), "unsafe values are refused: {bg}");
    c.enter_parent_frame().await.unwrap();
    let doc = wait_for("a document message", || async {
        let m = js(c, "return window.__messages.filter(m => m && m.document).slice(-1)[0] || null").await;
        (!m.is_null()).then_some(m)
    })
    .await;
    assert_eq!(doc["document"]["key"], "asim-umar-raid-taliban-al-qaeda");
    std::fs::remove_dir_all(&host_dir).ok();
}

#[tokio::test(flavor = "multi_thread")]
async fn browsers_without_javascript_or_webassembly_are_told_why() {
    let dist = dist_dir();
    let index = std::fs::read_to_string(dist.join("index.html")).unwrap();
    assert!(index.contains("<noscript><p class=\"fatal\">Ties needs JavaScript and WebAssembly."));
    // Without WebAssembly: hide it before the page's scripts run.
    let server = Server::start(&dist, "/");
    let b = browser().await;
    let c = &b.client;
    c.goto("about:blank").await.unwrap();
    let html = index.replacen("<head>", "<head><script>delete window.WebAssembly;</script>", 1);
    let patched = std::env::temp_dir().join(format!("ties-nowasm-{}", std::process::id()));
    std::fs::create_dir_all(&patched).unwrap();
    for f in std::fs::read_dir(&dist).unwrap().flatten() {
        std::fs::copy(f.path(), patched.join(f.file_name())).unwrap();
    }
    // The patch is an inline script the CSP does not know (hashes make the CSP ignore
    // 'unsafe-inline'), so this test copy goes without the policy.
    let start = html.find("<meta http-equiv=\"Content-Security-Policy\"").unwrap();
    let end = start + html[start..].find('>').unwrap() + 1;
    let html = format!("{}{}", &html[..start], &html[end..]);
    std::fs::write(patched.join("index.html"), html).unwrap();
    drop(server);
    let server = Server::start(&patched, "/");
    c.goto(&server.url()).await.unwrap();
    let msg = wait_text(c, "p.fatal[role=alert]", |t| !t.is_empty()).await;
    assert!(msg.contains("needs WebAssembly"), "{msg}");
    std::fs::remove_dir_all(&patched).ok();
}
