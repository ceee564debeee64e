//! The first screen in a real browser: the six documents with their metadata, and the
//! extraction counts.

use ties_e2e::{browser, dist_dir, texts, wait_for, Locator, Server};

#[tokio::test(flavor = "multi_thread")]
async fn shows_six_documents_with_metadata_and_counts() {
    let server = Server::start(&dist_dir(), "/");
    let b = browser().await;
    let c = &b.client;
    c.goto(&server.url()).await.unwrap();
    let titles = wait_for("six documents", || async {
        let t = texts(c, "[data-testid=doc] .doc-title").await;
        (t.len() == 6).then_some(t)
    })
    .await;
    assert!(titles[0].starts_with("Ties Between Al-Qaeda and the Taliban"), "{titles:?}");
    assert!(titles.iter().any(|t| t.starts_with("A Week Into the Fragile Israel-Iran Peace Agreement")));
    let sources = texts(c, "[data-testid=doc] [data-field=source]").await;
    assert_eq!(sources.iter().filter(|s| *s == "Asharq Al-Awsat").count(), 2, "{sources:?}");
    assert!(sources.contains(&"War on the Rocks".to_string()));
    let authors = texts(c, "[data-testid=doc] [data-field=author]").await;
    assert!(
        authors.contains(&"Tricia Bacon".to_string()) && authors.contains(&"Asfandyar Mir".to_string()),
        "{authors:?}"
    );
    let dates = texts(c, "[data-testid=doc] [data-field=date]").await;
    assert!(dates.contains(&"2018-09-11".to_string()), "{dates:?}");
    // Unknown metadata is said to be unknown, not invented.
    assert!(dates.contains(&"unknown".to_string()));
    let count = |id: &'static str| async move {
        let t = c.find(Locator::Css(&format!("[data-testid={id}] b"))).await.unwrap().text().await.unwrap();
        t.parse::<usize>().unwrap()
    };
    assert_eq!(count("count-docs").await, 6);
    assert!(count("count-actors").await >= 30);
    assert!(count("count-themes").await >= 10);
    assert!(count("count-relations").await >= 20);
    c.clone().close().await.unwrap();
}
