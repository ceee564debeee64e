//! Bad-input cases for `load`: each names the file, the line and the fix, and no
//! document is dropped silently.

use super::*;

const LEXICON_OK: &str = r#"
[[actor]]
key = "taliban"
name = "Taliban"
kind = "armed group"
aliases = ["Taliban"]

[[theme]]
key = "safe-haven"
name = "Safe haven"
cues = ["safe haven"]

[[relation]]
key = "alliance"
name = "Alliance"
cues = ["allied"]
"#;

const CATALOG_OK: &str = r#"
[[document]]
key = "a"
file = "a.txt"
title = "A"
"#;

fn seed(name: &str, text: &[u8]) -> SeedFile {
    SeedFile { name: name.into(), bytes: text.to_vec() }
}

fn errors(seeds: &[SeedFile], catalog: &str, lexicon: &str) -> Vec<String> {
    load(seeds, catalog, lexicon).expect_err("the input is bad").iter().map(|e| e.to_string()).collect()
}

#[test]
fn good_input_loads() {
    let (lex, docs) = load(&[seed("a.txt", b"Some text.")], CATALOG_OK, LEXICON_OK).unwrap();
    assert_eq!(lex.actors.len(), 1);
    assert_eq!(docs.len(), 1);
}

#[test]
fn a_seed_that_is_not_utf8_names_its_line() {
    let e = errors(&[seed("a.txt", b"line one\nline \xe9two\n")], CATALOG_OK, LEXICON_OK);
    assert_eq!(e.len(), 1, "{e:?}");
    assert!(e[0].starts_with("a.txt:2: the file is not valid UTF-8\n  fix: re-save the file as UTF-8"), "{e:?}");
}

#[test]
fn an_empty_seed_is_an_error() {
    let e = errors(&[seed("a.txt", b"  \n")], CATALOG_OK, LEXICON_OK);
    assert!(e[0].starts_with("a.txt: the file is empty"), "{e:?}");
}

#[test]
fn a_catalog_entry_for_a_missing_file() {
    let catalog = format!("{CATALOG_OK}\n[[document]]\nkey = \"b\"\nfile = \"b.txt\"\ntitle = \"B\"\n");
    let e = errors(&[seed("a.txt", b"text")], &catalog, LEXICON_OK);
    assert_eq!(e, ["catalog.toml:7: document `b` names file `b.txt`, which is not in the seeds folder\n  fix: correct the file name, or add the file to seeds/"]);
}

#[test]
fn a_file_without_an_entry_is_never_dropped_silently() {
    let e = errors(&[seed("a.txt", b"text"), seed("z.txt", b"more")], CATALOG_OK, LEXICON_OK);
    assert_eq!(e.len(), 1);
    assert!(e[0].starts_with("z.txt: this seed file has no [[document]] entry"), "{e:?}");
    assert!(e[0].contains("fix: add a [[document]] entry with file = \"z.txt\""), "{e:?}");
}

#[test]
fn malformed_toml_names_the_line() {
    let lexicon = format!("{LEXICON_OK}\n[[actor]]\nkey = \"x\"\nname = oops\n");
    let e = errors(&[seed("a.txt", b"text")], CATALOG_OK, &lexicon);
    assert!(e[0].starts_with("lexicon.toml:20: "), "{e:?}");
    let lexicon = format!("{LEXICON_OK}\n[[actor]]\nkey = \"x\"\nname = \"X\"\nkind = \"state\"\nalias = [\"X\"]\n");
    let e = errors(&[seed("a.txt", b"text")], CATALOG_OK, &lexicon);
    assert!(e[0].contains("unknown field `alias`"), "{e:?}");
}

#[test]
fn duplicated_entries_and_shared_aliases() {
    let lexicon = format!(
        "{LEXICON_OK}\n[[actor]]\nkey = \"taliban\"\nname = \"Dup\"\nkind = \"state\"\naliases = [\"Dup\"]\n\n[[actor]]\nkey = \"ttp\"\nname = \"TTP\"\nkind = \"armed group\"\naliases = [\"taliban\"]\n"
    );
    let e = errors(&[seed("a.txt", b"text")], CATALOG_OK, &lexicon);
    assert_eq!(
        e,
        [
            "lexicon.toml:18: [[actor]] key `taliban` is empty or used twice\n  fix: give each [[actor]] its own non-empty key",
            "lexicon.toml:28: alias `taliban` is claimed by both `taliban` (line 6) and `ttp`\n  fix: keep the alias on one actor only; for a shared family name use `surnames`",
        ]
    );
}

#[test]
fn unknown_kinds_and_bad_dates() {
    let lexicon = LEXICON_OK.replace("kind = \"armed group\"", "kind = \"militia\"");
    let e = errors(&[seed("a.txt", b"text")], CATALOG_OK, &lexicon);
    assert_eq!(e, ["lexicon.toml:5: `taliban` names unknown kind `militia`\n  fix: use one of: armed group, state, person, institution"]);
    let catalog = format!("{CATALOG_OK}date = \"21/09/2021\"\n");
    let e = errors(&[seed("a.txt", b"text")], &catalog, LEXICON_OK);
    assert!(e[0].starts_with("catalog.toml:6: date `21/09/2021` of `a` is not an ISO date"), "{e:?}");
}

#[test]
fn urls_must_be_web_addresses() {
    let catalog = format!("{CATALOG_OK}url = \"javascript:alert(1)\"\n");
    let e = errors(&[seed("a.txt", b"text")], &catalog, LEXICON_OK);
    assert_eq!(
        e,
        ["catalog.toml:6: url `javascript:alert(1)` of `a` is not a web address\n  fix: write an address that starts with https:// or http://, or leave it empty"]
    );
    let catalog = format!("{CATALOG_OK}url = \"https://example.org/a\"\n");
    assert!(load(&[seed("a.txt", b"text")], &catalog, LEXICON_OK).is_ok());
}

#[test]
fn a_split_marker_that_is_not_in_the_file() {
    let catalog = format!(
        "{CATALOG_OK}\n[[document]]\nkey = \"b\"\nfile = \"a.txt\"\ntitle = \"B\"\nstarts_with = \"Second article\"\n"
    );
    let e = errors(&[seed("a.txt", b"First article\ntext\n")], &catalog, LEXICON_OK);
    assert!(
        e[0].starts_with(
            "catalog.toml:7: `b` shares a.txt with another document, but its starts_with line is not in the file"
        ),
        "{e:?}"
    );
}
