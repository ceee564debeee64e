//! Screenshot of the built app for people reviewing a change:
//! `cargo run -p ties-e2e --bin shot -- '#view=graph' out.png [width height [dark]]`.

use ties_e2e::{open_app_with, Opts};

#[tokio::main]
async fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let hash = args.first().cloned().unwrap_or_default();
    let out = args.get(1).cloned().unwrap_or_else(|| "ties.png".into());
    let width = args.get(2).and_then(|w| w.parse().ok()).unwrap_or(1280);
    let height = args.get(3).and_then(|h| h.parse().ok()).unwrap_or(800);
    let dark = args.get(4).is_some_and(|d| d == "dark");
    let opts =
        Opts { width, height, args: if dark { vec!["--force-dark-mode".into()] } else { vec![] }, ..Opts::default() };
    let (_server, b) = open_app_with(&hash, opts).await;
    // Let the graph settle and the reader scroll.
    tokio::time::sleep(std::time::Duration::from_millis(1200)).await;
    let png = b.client.screenshot().await.expect("a screenshot");
    std::fs::write(&out, png).expect("write the PNG");
    println!("{out}");
}
