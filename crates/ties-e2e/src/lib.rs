//! Harness for the end-to-end tests: a static file server for the built `dist/` (at any
//! sub-path, recording every request), and a real browser driven over WebDriver.
//!
//! The browser is chosen with `TIES_BROWSER` (`chromium`, the default, or `firefox`),
//! so one suite runs in every browser. Tests need a release build in `dist/` first:
//! `scripts/test.sh` makes it.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

pub use fantoccini::{Client, Locator};

/// The workspace's `dist/`, or a panic that says how to make it.
pub fn dist_dir() -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../dist");
    assert!(
        dir.join("index.html").exists(),
        "no release build in {}: run `trunk build --release --offline` (scripts/test.sh does) first",
        dir.display()
    );
    dir.canonicalize().expect("dist exists")
}

/// A static server on 127.0.0.1 serving `root` under the URL prefix `base`.
pub struct Server {
    pub port: u16,
    pub base: String,
    requests: Arc<Mutex<Vec<String>>>,
}

impl Server {
    pub fn start(root: &Path, base: &str) -> Server {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind a loopback port");
        let port = listener.local_addr().unwrap().port();
        let requests = Arc::new(Mutex::new(Vec::new()));
        let (root, prefix, log) = (root.to_path_buf(), base.to_string(), requests.clone());
        std::thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let (root, prefix, log) = (root.clone(), prefix.clone(), log.clone());
                std::thread::spawn(move || handle(stream, &root, &prefix, &log));
            }
        });
        Server {
            port,
            base: base.to_string(),
            requests,
        }
    }

    /// The app's URL (the base path with a trailing slash).
    pub fn url(&self) -> String {
        format!("http://127.0.0.1:{}{}", self.port, self.base)
    }

    /// Every path requested so far.
    pub fn requests(&self) -> Vec<String> {
        self.requests.lock().unwrap().clone()
    }
}

fn handle(mut stream: TcpStream, root: &Path, prefix: &str, log: &Mutex<Vec<String>>) {
    let mut reader = BufReader::new(stream.try_clone().expect("clone the stream"));
    let mut line = String::new();
    if reader.read_line(&mut line).is_err() {
        return;
    }
    // Drain the headers.
    let mut header = String::new();
    while reader.read_line(&mut header).is_ok_and(|n| n > 2) {
        header.clear();
    }
    let path = line.split_whitespace().nth(1).unwrap_or("/").to_string();
    log.lock().unwrap().push(path.clone());
    let clean = path.split(['?', '#']).next().unwrap_or("/");
    let file = clean.strip_prefix(prefix).map(|rel| {
        let rel = if rel.is_empty() || rel.ends_with('/') {
            format!("{rel}index.html")
        } else {
            rel.to_string()
        };
        root.join(rel.trim_start_matches('/'))
    });
    let body = file
        .filter(|f| !f.to_string_lossy().contains(".."))
        .and_then(|f| std::fs::read(&f).ok().map(|b| (f, b)));
    let response = match body {
        Some((f, bytes)) => {
            let mime = match f.extension().and_then(|e| e.to_str()) {
                Some("html") => "text/html; charset=utf-8",
                Some("js") => "text/javascript",
                Some("wasm") => "application/wasm",
                Some("css") => "text/css",
                Some("svg") => "image/svg+xml",
                _ => "application/octet-stream",
            };
            let mut r = format!("HTTP/1.1 200 OK\r\nContent-Type: {mime}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n", bytes.len()).into_bytes();
            r.extend(bytes);
            r
        }
        None => {
            b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n".to_vec()
        }
    };
    let _ = stream.write_all(&response);
    let _ = stream.flush();
    let mut rest = Vec::new();
    let _ = stream.set_read_timeout(Some(Duration::from_millis(10)));
    let _ = reader.read_to_end(&mut rest);
}

/// A WebDriver session; the driver process ends with it.
pub struct Browser {
    pub client: Client,
    driver: Child,
}

impl Drop for Browser {
    fn drop(&mut self) {
        let _ = self.driver.kill();
        let _ = self.driver.wait();
    }
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// Starts the driver and a headless browser at 1280×800.
pub async fn browser() -> Browser {
    browser_sized(1280, 800).await
}

pub async fn browser_sized(width: u32, height: u32) -> Browser {
    let which = std::env::var("TIES_BROWSER").unwrap_or_else(|_| "chromium".into());
    let port = free_port();
    let (program, args, caps) = match which.as_str() {
        "firefox" => (
            "geckodriver",
            vec![format!("--port={port}")],
            serde_json::json!({
                "browserName": "firefox",
                "moz:firefoxOptions": {
                    "args": ["-headless", format!("--width={width}"), format!("--height={height}")],
                    "prefs": { "network.captive-portal-service.enabled": false, "app.update.enabled": false }
                }
            }),
        ),
        _ => (
            "chromedriver",
            vec![format!("--port={port}")],
            serde_json::json!({
                "browserName": "chrome",
                "goog:chromeOptions": {
                    "binary": "/usr/bin/chromium",
                    "args": [
                        "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        "--no-first-run", "--disable-quic", format!("--window-size={width},{height}")
                    ]
                }
            }),
        ),
    };
    let driver = Command::new(program)
        .args(&args)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap_or_else(|e| {
            panic!("cannot start {program} ({e}): run scripts/test.sh, which installs it")
        });
    let deadline = Instant::now() + Duration::from_secs(20);
    while TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(
            Instant::now() < deadline,
            "{program} did not listen on port {port}"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let caps = caps.as_object().unwrap().clone();
    let client =
        fantoccini::ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
            .capabilities(caps)
            .connect(&format!("http://127.0.0.1:{port}"))
            .await
            .unwrap_or_else(|e| panic!("cannot open a {which} session: {e}"));
    Browser { client, driver }
}

/// Polls `f` until it returns `Some`, or panics with `what` after ten seconds.
pub async fn wait_for<T, F, Fut>(what: &str, mut f: F) -> T
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = Option<T>>,
{
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        if let Some(v) = f().await {
            return v;
        }
        assert!(Instant::now() < deadline, "timed out waiting for {what}");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// Texts of all elements matching a CSS selector.
pub async fn texts(c: &Client, css: &str) -> Vec<String> {
    let mut out = Vec::new();
    for el in c.find_all(Locator::Css(css)).await.unwrap_or_default() {
        out.push(el.text().await.unwrap_or_default());
    }
    out
}
