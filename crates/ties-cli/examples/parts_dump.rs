fn dump<T: serde::Serialize>(name: &str, v: &T) {
    std::fs::write(format!("/tmp/parts/{name}"), postcard::to_allocvec(v).unwrap()).unwrap();
}
fn main() {
    let m = ties_cli::load_dir(std::path::Path::new("seeds")).expect("seeds");
    std::fs::create_dir_all("/tmp/parts").unwrap();
    let raw: Vec<&String> = m.docs.iter().map(|d| &d.raw).collect();
    dump("raw", &raw);
    dump("blocks", &m.docs.iter().map(|d| &d.blocks).collect::<Vec<_>>());
    dump("sentences", &m.docs.iter().map(|d| &d.sentences).collect::<Vec<_>>());
    dump("mentions", &m.docs.iter().map(|d| &d.mentions).collect::<Vec<_>>());
    dump("theme_hits", &m.docs.iter().map(|d| &d.theme_hits).collect::<Vec<_>>());
    dump("dates", &m.docs.iter().map(|d| &d.dates).collect::<Vec<_>>());
    dump("edges", &m.edges);
    dump("lexicon", &m.lexicon);
    dump("actors", &m.actors);
    dump("themes", &m.themes);
    dump("reltypes", &m.relation_types);
    let p = ties_cli::page_model(m);
    dump("patches", &p.patches);
}
