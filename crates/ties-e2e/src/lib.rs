//! Harness for the end-to-end tests: a static file server for the built `dist/` (at any
//! sub-path, recording every request), and a real browser driven over WebDriver.
//!
//! The browser is chosen with `TIES_BROWSER` (`chromium`, the default, or `firefox`),
//! so one suite runs in every browser. Tests need a release build in `dist/` first:
//! `scripts/test.sh` makes it.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

pub use fantoccini::{Client, Locator};

/// The workspace's `dist/`, or a panic that says how to make it.
pub fn dist_dir() -> PathBuf {
    built("dist", "bash scripts/build.sh")
}

/// The build of the hostile fixture corpus (`fixtures/hostile-seeds`, markup in every
/// field) that scripts/test.sh makes in `target/hostile-dist`.
pub fn hostile_dist_dir() -> PathBuf {
    built(
        "target/hostile-dist",
        "TIES_SEEDS=crates/ties-e2e/fixtures/hostile-seeds bash scripts/build.sh target/hostile-dist",
    )
}

/// A release build under the workspace, or a panic naming the command that makes it.
fn built(dir: &str, command: &str) -> PathBuf {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..").join(dir);
    assert!(
        path.join("index.html").exists(),
        "no release build in {dir}: run `{command}` (scripts/test.sh does) first"
    );
    path.canonicalize().expect("the build folder exists")
}

/// A static server on 127.0.0.1 serving `root` under the URL prefix `base`.
pub struct Server {
    pub port: u16,
    pub base: String,
    requests: Arc<Mutex<Vec<String>>>,
}

impl Server {
    pub fn start(root: &Path, base: &str) -> Server {
        Server::start_on(root, base, 0)
    }

    /// On a given loopback port (0: any free one).
    pub fn start_on(root: &Path, base: &str, port: u16) -> Server {
        let listener =
            TcpListener::bind(("127.0.0.1", port)).unwrap_or_else(|e| panic!("cannot listen on 127.0.0.1:{port}: {e}"));
        let port = listener.local_addr().unwrap().port();
        let requests = Arc::new(Mutex::new(Vec::new()));
        let (root, prefix, log) = (root.to_path_buf(), base.to_string(), requests.clone());
        std::thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let (root, prefix, log) = (root.clone(), prefix.clone(), log.clone());
                std::thread::spawn(move || handle(stream, &root, &prefix, &log));
            }
        });
        Server { port, base: base.to_string(), requests }
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
        let rel = if rel.is_empty() || rel.ends_with('/') { format!("{rel}index.html") } else { rel.to_string() };
        root.join(rel.trim_start_matches('/'))
    });
    let body =
        file.filter(|f| !f.to_string_lossy().contains("..")).and_then(|f| std::fs::read(&f).ok().map(|b| (f, b)));
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
            let mut r = format!(
                "HTTP/1.1 200 OK\r\nContent-Type: {mime}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                bytes.len()
            )
            .into_bytes();
            r.extend(bytes);
            r
        }
        None => b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n".to_vec(),
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
    /// Ends the driver and the browser it started: they share a process group of their
    /// own, so a test that fails midway leaves no browser running.
    fn drop(&mut self) {
        let _ = Command::new("kill").arg("-KILL").arg("--").arg(format!("-{}", self.driver.id())).status();
        let _ = self.driver.kill();
        let _ = self.driver.wait();
    }
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

/// How to start the browser.
#[derive(Debug, Clone)]
pub struct Opts {
    pub width: u32,
    pub height: u32,
    /// Extra command-line flags (Chromium) for this session.
    pub args: Vec<String>,
    /// Where downloads land.
    pub downloads: Option<PathBuf>,
}

impl Default for Opts {
    fn default() -> Opts {
        Opts { width: 1280, height: 800, args: Vec::new(), downloads: None }
    }
}

/// Starts the driver and a headless browser at 1280×800.
pub async fn browser() -> Browser {
    browser_with(Opts::default()).await
}

pub async fn browser_with(opts: Opts) -> Browser {
    let which = std::env::var("TIES_BROWSER").unwrap_or_else(|_| "chromium".into());
    let port = free_port();
    let (width, height) = (opts.width, opts.height);
    let downloads = opts.downloads.as_ref().map(|d| d.display().to_string()).unwrap_or_default();
    let (program, caps) = match which.as_str() {
        "firefox" => (
            "geckodriver",
            serde_json::json!({
                "browserName": "firefox",
                "moz:firefoxOptions": {
                    "args": ["-headless", format!("--width={width}"), format!("--height={height}")],
                    "prefs": {
                        "browser.download.folderList": 2,
                        "browser.download.dir": downloads,
                        "browser.download.useDownloadDir": true,
                        "browser.helperApps.neverAsk.saveToDisk": "text/csv,application/json,image/svg+xml,image/png",
                        "ui.systemUsesDarkTheme": if opts.args.iter().any(|a| a == "--force-dark-mode") { 1 } else { 0 }
                    }
                }
            }),
        ),
        _ => {
            let mut args: Vec<String> = [
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--disable-quic",
            ]
            .iter()
            .map(|s| s.to_string())
            .collect();
            args.push(format!("--window-size={width},{height}"));
            args.extend(opts.args.iter().cloned());
            (
                "chromedriver",
                serde_json::json!({
                    "browserName": "chrome",
                    "goog:chromeOptions": {
                        "binary": "/usr/bin/chromium",
                        "args": args,
                        "prefs": { "download.default_directory": downloads, "download.prompt_for_download": false }
                    }
                }),
            )
        }
    };
    let driver = Command::new(program)
        .process_group(0)
        .arg(format!("--port={port}"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap_or_else(|e| panic!("cannot start {program} ({e}): run scripts/test.sh, which installs it"));
    let deadline = Instant::now() + Duration::from_secs(20);
    while TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(Instant::now() < deadline, "{program} did not listen on port {port}");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let caps = caps.as_object().unwrap().clone();
    let client = fantoccini::ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
        .capabilities(caps)
        .connect(&format!("http://127.0.0.1:{port}"))
        .await
        .unwrap_or_else(|e| panic!("cannot open a {which} session: {e}"));
    Browser { client, driver }
}

/// Serves `dist/` at `/`, opens the app at `hash`, and waits for the documents.
pub async fn open_app(hash: &str) -> (Server, Browser) {
    open_app_with(hash, Opts::default()).await
}

pub async fn open_app_with(hash: &str, opts: Opts) -> (Server, Browser) {
    let server = Server::start(&dist_dir(), "/");
    let b = browser_with(opts).await;
    b.client.goto(&format!("{}{hash}", server.url())).await.unwrap();
    wait_for("the app to render", || async { b.client.find(Locator::Css(".app-header")).await.ok() }).await;
    (server, b)
}

/// Runs JavaScript and returns its value.
pub async fn js(c: &Client, script: &str) -> serde_json::Value {
    c.execute(script, vec![]).await.unwrap_or_else(|e| panic!("script failed: {e}\n{script}"))
}

/// Scrolls the element to the middle of its scroller (clear of sticky bars), then clicks.
pub async fn click(c: &Client, css: &str) {
    let el = c.find(Locator::Css(css)).await.unwrap_or_else(|e| panic!("no element {css}: {e}"));
    let arg = serde_json::to_value(&el).unwrap();
    c.execute("arguments[0].scrollIntoView({block: 'center'})", vec![arg]).await.unwrap();
    el.click().await.unwrap_or_else(|e| panic!("cannot click {css}: {e}"));
}

/// Focuses the element and presses Enter, as a keyboard user does (SVG edges are too
/// thin to click reliably).
pub async fn press_enter_on(c: &Client, css: &str) {
    let el = c.find(Locator::Css(css)).await.unwrap_or_else(|e| panic!("no {css}: {e}"));
    let arg = serde_json::to_value(&el).unwrap();
    c.execute("arguments[0].focus()", vec![arg]).await.unwrap();
    el.send_keys(&fantoccini::key::Key::Enter.to_string()).await.unwrap();
}

pub async fn text(c: &Client, css: &str) -> String {
    c.find(Locator::Css(css)).await.unwrap_or_else(|e| panic!("no element {css}: {e}")).text().await.unwrap()
}

/// Waits until the text of `css` satisfies `ok`, and returns it.
pub async fn wait_text(c: &Client, css: &str, ok: impl Fn(&str) -> bool) -> String {
    wait_for(&format!("text of {css}"), || async {
        let t = match c.find(Locator::Css(css)).await {
            Ok(el) => el.text().await.unwrap_or_default(),
            Err(_) => return None,
        };
        ok(&t).then_some(t)
    })
    .await
}

/// The "N of M documents" count.
pub async fn result_count(c: &Client) -> usize {
    let t = text(c, "[data-testid=result-count]").await;
    t.split_whitespace().next().and_then(|n| n.parse().ok()).unwrap_or_else(|| panic!("bad count {t}"))
}

/// The location hash, without `#`.
pub async fn hash(c: &Client) -> String {
    js(c, "return location.hash.slice(1)").await.as_str().unwrap_or_default().to_string()
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
