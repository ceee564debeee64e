//! Browser benchmark (a script, not a test): serves the release build in `dist/`, opens
//! it in headless Chromium (or `TIES_BROWSER=firefox`) and reports median and p95 from a
//! click or keystroke until the DOM has updated, for toggling a facet, typing a query and
//! opening a document; plus the load time to the first rendered list.
//!
//! Run: `trunk build --release --offline && cargo run -p ties-e2e --release --bin bench`.
//! Each measurement starts just before the event is dispatched and ends in the
//! MutationObserver callback that sees the expected change, so it covers Yew's
//! scheduling, the core's work and the DOM patch (not the paint that follows).

use ties_e2e::{browser, dist_dir, wait_for, Locator, Server};

const ROUNDS: usize = 40;

/// Shared page-side helpers: `measure(act, done)` runs `act()` and resolves with the
/// milliseconds until `done()` holds after a DOM mutation (or 1 s, reported as such).
const HARNESS: &str = r#"
window.__bench = {
  measure(act, done) {
    return new Promise(resolve => {
      const t0 = performance.now();
      const obs = new MutationObserver(() => {
        if (done()) { obs.disconnect(); clearTimeout(timer); resolve(performance.now() - t0); }
      });
      obs.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
      const timer = setTimeout(() => { obs.disconnect(); resolve(1000); }, 1000);
      act();
    });
  },
  count() { return document.querySelector('[data-testid=result-count]').textContent; },
  type(value) {
    const input = document.getElementById('search');
    input.value = value;
    input.dispatchEvent(new InputEvent('input', { bubbles: true }));
  },
};
"#;

fn stats(name: &str, mut v: Vec<f64>) {
    v.sort_by(f64::total_cmp);
    let pick = |q: f64| v[((v.len() as f64 - 1.0) * q).round() as usize];
    println!(
        "{name:<22} median {:>6.2} ms   p95 {:>6.2} ms   max {:>6.2} ms   (n={})",
        pick(0.5),
        pick(0.95),
        pick(1.0),
        v.len()
    );
}

fn numbers(v: serde_json::Value) -> Vec<f64> {
    v.as_array().expect("an array of timings").iter().map(|x| x.as_f64().unwrap()).collect()
}

#[tokio::main]
async fn main() {
    let server = Server::start(&dist_dir(), "/");
    let b = browser().await;
    let c = &b.client;

    // Load: navigation start to the first rendered result list, several cold loads.
    let mut loads = Vec::new();
    for _ in 0..10 {
        c.goto(&format!("{}?fresh={}", server.url(), loads.len())).await.unwrap();
        wait_for("the list", || async { c.find(Locator::Css("[data-testid=doc]")).await.ok() }).await;
        let t = c
            .execute("return performance.getEntriesByType('navigation')[0] ? performance.now() : 0", vec![])
            .await
            .unwrap();
        loads.push(t.as_f64().unwrap());
    }
    c.goto(&server.url()).await.unwrap();
    wait_for("the list", || async { c.find(Locator::Css("[data-testid=doc]")).await.ok() }).await;
    c.execute(HARNESS, vec![]).await.unwrap();

    let facet = c
        .execute_async(
            &format!(
                "const done = arguments[arguments.length - 1]; (async () => {{
                  const out = [];
                  const box = [...document.querySelectorAll('[data-facet=actor] .facet-value')]
                    .find(r => r.textContent.includes('Haqqani Network')).querySelector('input');
                  for (let i = 0; i < {ROUNDS}; i++) {{
                    const before = __bench.count();
                    out.push(await __bench.measure(() => box.click(), () => __bench.count() !== before));
                  }}
                  done(out);
                }})();"
            ),
            vec![],
        )
        .await
        .unwrap();

    let typing = c
        .execute_async(
            &format!(
                "const done = arguments[arguments.length - 1]; (async () => {{
                  const queries = ['taliban', 'al-qaeda', '\"safe haven\"', 'iran -taliban', 'negotiat*', 'haqqani', 'zawahiri', 'isis'];
                  const out = [];
                  for (let i = 0; i < {ROUNDS}; i++) {{
                    const q = queries[i % queries.length];
                    __bench.type(q.slice(0, -1));
                    await new Promise(r => setTimeout(r, 20));
                    // The results, the count or the parser's notes: whatever the keystroke changes.
                    const shown = () => document.querySelector('.results').innerHTML + document.querySelector('.search-bar').innerHTML;
                    const before = shown();
                    out.push(await __bench.measure(() => __bench.type(q), () => shown() !== before));
                  }}
                  __bench.type('');
                  done(out);
                }})();"
            ),
            vec![],
        )
        .await
        .unwrap();

    let opening = c
        .execute_async(
            &format!(
                "const done = arguments[arguments.length - 1]; (async () => {{
                  const out = [];
                  await new Promise(r => setTimeout(r, 50));
                  for (let i = 0; i < {ROUNDS}; i++) {{
                    const rows = document.querySelectorAll('[data-testid=doc]');
                    const row = rows[i % rows.length];
                    const title = row.querySelector('.doc-title').firstChild.textContent;
                    out.push(await __bench.measure(() => row.querySelector('.result-open').click(), () => {{
                      const h = document.getElementById('reader-title');
                      return h && h.firstChild && h.firstChild.textContent === title;
                    }}));
                    document.querySelector('.reader .close').click();
                    await new Promise(r => setTimeout(r, 20));
                  }}
                  done(out);
                }})();"
            ),
            vec![],
        )
        .await
        .unwrap();

    // The graph: time to settle after load (the app records it on the SVG), then the
    // rate at which a dragged node moves on screen while the pointer moves every frame.
    let mut settle = Vec::new();
    for i in 0..10 {
        c.goto(&format!("{}?graph={i}#view=graph", server.url())).await.unwrap();
        let ms = wait_for("the graph to settle", || async {
            let el = c.find(Locator::Css("[data-testid=graph]")).await.ok()?;
            el.attr("data-settle-ms").await.ok().flatten()?.parse::<f64>().ok()
        })
        .await;
        settle.push(ms);
    }
    let drag = c
        .execute_async(
            "const done = arguments[arguments.length - 1];
             const svg = document.querySelector('[data-testid=graph]');
             const sel = 'g.node[data-actor=iran] path';
             const r = document.querySelector(sel).getBoundingClientRect();
             let x = r.x + r.width / 2, y = r.y + r.height / 2;
             document.querySelector(sel).dispatchEvent(new PointerEvent('pointerdown', {pointerId: 7, clientX: x, clientY: y, bubbles: true}));
             let frames = 0, moves = 0, last = document.querySelector(sel).getAttribute('d');
             const t0 = performance.now();
             function frame(t) {
               frames++;
               const d = document.querySelector(sel).getAttribute('d');
               if (d !== last) { moves++; last = d; }
               if (t - t0 < 3000) {
                 x += 4 * Math.cos(frames / 15); y += 4 * Math.sin(frames / 15);
                 svg.dispatchEvent(new PointerEvent('pointermove', {pointerId: 7, clientX: x, clientY: y, bubbles: true}));
                 requestAnimationFrame(frame);
               } else {
                 svg.dispatchEvent(new PointerEvent('pointerup', {pointerId: 7, clientX: x, clientY: y, bubbles: true}));
                 const secs = (t - t0) / 1000;
                 done([moves / secs, frames / secs]);
               }
             }
             requestAnimationFrame(frame);",
            vec![],
        )
        .await
        .unwrap();

    let which = std::env::var("TIES_BROWSER").unwrap_or_else(|_| "chromium".into());
    println!("Ties browser benchmark ({which}, headless, {ROUNDS} rounds each; event -> DOM updated)");
    stats("load (to first list)", loads);
    stats("toggle a facet", numbers(facet));
    stats("type a query", numbers(typing));
    stats("open a document", numbers(opening));
    stats("graph settles (load)", settle);
    let drag = numbers(drag);
    println!("{:<22} {:>6.1} node moves/s while dragging ({:.1} browser frames/s)", "drag a node", drag[0], drag[1]);
    c.clone().close().await.ok();
}
