//! The `ties` command end to end: a bad corpus fails `check` with the file, line and fix;
//! the real seeds pass and `extract --json` prints the whole model.

use std::process::Command;

fn ties(args: &[&str]) -> (bool, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_ties")).args(args).output().expect("run ties");
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn seeds() -> String {
    format!("{}/../../seeds", env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn check_passes_on_the_seeds() {
    let (ok, out, err) = ties(&["check", &seeds()]);
    assert!(ok, "{err}");
    assert!(out.starts_with("6 documents,"), "{out}");
    assert!(out.contains("ligatures: all resolved"), "{out}");
}

#[test]
fn extract_prints_the_model_as_json() {
    let (ok, out, _) = ties(&["extract", &seeds(), "--json"]);
    assert!(ok);
    for key in ["\"docs\"", "\"text\"", "\"mentions\"", "\"theme_hits\"", "\"edges\"", "\"evidence\"", "\"cue_term\""] {
        assert!(out.contains(key), "missing {key}");
    }
    let model: serde_json::Value = serde_json::from_str(&out).expect("valid JSON");
    let docs = model["docs"].as_array().unwrap();
    assert_eq!(docs.len(), 6);
    // The clean text is repaired; the raw text keeps the original bytes for provenance.
    assert!(docs.iter().all(|d| !d["text"].as_str().unwrap().contains('\u{FFFD}')));
    assert!(docs.iter().any(|d| d["raw"].as_str().unwrap().contains('\u{FFFD}')));
}

#[test]
fn check_fails_on_a_bad_corpus_with_file_line_and_fix() {
    let dir = std::env::temp_dir().join(format!("ties-bad-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("a.txt"), b"caf\xe9\n").unwrap();
    std::fs::write(dir.join("catalog.toml"), "[[document]]\nkey = \"a\"\nfile = \"a.txt\"\ntitle = \"A\"\n").unwrap();
    std::fs::write(dir.join("lexicon.toml"), "").unwrap();
    let (ok, _, err) = ties(&["check", dir.to_str().unwrap()]);
    std::fs::remove_dir_all(&dir).unwrap();
    assert!(!ok);
    assert!(err.contains("a.txt:1: the file is not valid UTF-8"), "{err}");
    assert!(err.contains("fix: re-save the file as UTF-8"), "{err}");
}

#[test]
fn usage_errors_say_how_to_call() {
    let (ok, _, err) = ties(&["frobnicate"]);
    assert!(!ok);
    assert!(err.contains("usage: ties check SEEDS_DIR"), "{err}");
}
