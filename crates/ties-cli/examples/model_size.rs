//! Prints how many postcard bytes each part of the embedded model takes (raw and gzipped
//! with `gzip -9` through the shell is left to the reader): a tool for size work.
//! `cargo run -p ties-cli --example model_size`.

fn size<T: serde::Serialize>(v: &T) -> usize {
    postcard::to_allocvec(v).map(|b| b.len()).unwrap_or(0)
}

fn main() {
    let m = ties_cli::load_dir(std::path::Path::new("seeds")).expect("seeds");
    println!("model       {:>8}", size(&m));
    println!("docs        {:>8}", size(&m.docs));
    println!("  raw       {:>8}", m.docs.iter().map(|d| d.raw.len()).sum::<usize>());
    println!("  text      {:>8}", m.docs.iter().map(|d| d.text.len()).sum::<usize>());
    println!("  sentences {:>8}", m.docs.iter().map(|d| size(&d.sentences)).sum::<usize>());
    println!("  mentions  {:>8}", m.docs.iter().map(|d| size(&d.mentions)).sum::<usize>());
    println!("  themehits {:>8}", m.docs.iter().map(|d| size(&d.theme_hits)).sum::<usize>());
    println!("edges       {:>8}", size(&m.edges));
    println!("diagnostics {:>8}", size(&m.diagnostics));
    println!("lexicon     {:>8}", size(&m.lexicon));
    println!("actors etc  {:>8}", size(&m.actors) + size(&m.themes) + size(&m.relation_types));
}
