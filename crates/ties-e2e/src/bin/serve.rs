//! Serves the built `dist/` on http://127.0.0.1:PORT/ (default 8080) until stopped:
//! `cargo run -p ties-e2e --bin serve -- [PORT]`. `scripts/serve.sh` builds first.

use ties_e2e::{dist_dir, Server};

fn main() {
    let port = std::env::args().nth(1).and_then(|p| p.parse().ok()).unwrap_or(8080);
    let server = Server::start_on(&dist_dir(), "/", port);
    println!("Ties is served on {}  (the single-file version: {}ties.html)  Ctrl-C stops.", server.url(), server.url());
    loop {
        std::thread::park();
    }
}
