//! Tokens for search: runs of letters and digits, lower-cased and folded so that
//! matching ignores case and diacritics (`Qaïda` = `qaida`, `Bay’ah` = `bay` `ah`).

use crate::model::Span;

/// A token's folded text and its byte span in the source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    pub text: String,
    pub span: Span,
}

/// Folds one character to lower-case ASCII where a plain equivalent exists.
pub fn fold_char(c: char, out: &mut String) {
    let folded = match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' | 'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' | 'Ā' => {
            "a"
        }
        'ç' | 'ć' | 'č' | 'Ç' | 'Ć' | 'Č' => "c",
        'ď' | 'đ' | 'Ď' | 'Đ' => "d",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' | 'È' | 'É' | 'Ê' | 'Ë' | 'Ē' => "e",
        'ì' | 'í' | 'î' | 'ï' | 'ī' | 'ı' | 'Ì' | 'Í' | 'Î' | 'Ï' | 'Ī' | 'İ' => "i",
        'ñ' | 'ń' | 'ň' | 'Ñ' | 'Ń' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' | 'Ø' | 'Ō' => "o",
        'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'Ù' | 'Ú' | 'Û' | 'Ü' | 'Ū' => "u",
        'ý' | 'ÿ' | 'Ý' => "y",
        'ś' | 'š' | 'ş' | 'Ś' | 'Š' | 'Ş' => "s",
        'ź' | 'ż' | 'ž' | 'Ź' | 'Ż' | 'Ž' => "z",
        'ß' => "ss",
        'æ' | 'Æ' => "ae",
        'œ' | 'Œ' => "oe",
        _ => {
            out.push(lower(c));
            return;
        }
    };
    out.push_str(folded);
}

/// Lower case without the standard library's Unicode case tables (about 15 KB of wasm):
/// exact for ASCII, Latin-1, Latin Extended-A, Greek and Cyrillic capitals, the scripts
/// of this corpus's names and of the queries analysts type; anything else is kept as it
/// is (Arabic and Persian script, for one, have no case).
pub fn lower(c: char) -> char {
    let u = c as u32;
    let l = match u {
        0x41..=0x5A | 0xC0..=0xD6 | 0xD8..=0xDE | 0x391..=0x3A1 | 0x3A3..=0x3AB | 0x410..=0x42F => u + 32,
        0x400..=0x40F => u + 80,
        0x100..=0x12F | 0x132..=0x137 | 0x14A..=0x177 if u % 2 == 0 => u + 1,
        0x139..=0x148 | 0x179..=0x17E if u % 2 == 1 => u + 1,
        0x178 => 0xFF,
        _ => u,
    };
    char::from_u32(l).unwrap_or(c)
}

pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        fold_char(c, &mut out);
    }
    out
}

pub fn tokens(text: &str) -> Vec<Token> {
    let mut out = Vec::new();
    let mut start = None;
    let mut buf = String::new();
    for (i, c) in text.char_indices() {
        if c.is_alphanumeric() {
            start.get_or_insert(i);
            fold_char(c, &mut buf);
        } else if let Some(s) = start.take() {
            out.push(Token { text: std::mem::take(&mut buf), span: Span::new(s, i) });
        }
    }
    if let Some(s) = start {
        out.push(Token { text: buf, span: Span::new(s, text.len()) });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_case_and_diacritics() {
        let t: Vec<String> = tokens("Al-Qaïda’s ÉMIR, 2021").into_iter().map(|t| t.text).collect();
        assert_eq!(t, ["al", "qaida", "s", "emir", "2021"]);
    }

    #[test]
    fn lower_agrees_with_the_standard_library_where_it_claims_to() {
        let ranges = [0x20..0x250u32, 0x370..0x400, 0x400..0x460];
        for c in ranges.into_iter().flatten().filter_map(char::from_u32) {
            let std: Vec<char> = c.to_lowercase().collect();
            if std.len() == 1 && std[0] != c && c != '\u{130}' && !('\u{180}'..'\u{250}').contains(&c) {
                let greek_extra = ('\u{370}'..'\u{391}').contains(&c) || ('\u{3CF}'..'\u{400}').contains(&c);
                if !greek_extra {
                    assert_eq!(lower(c), std[0], "{c} U+{:04X}", c as u32);
                }
            } else if std == [c] {
                assert_eq!(lower(c), c, "{c} U+{:04X} has no lower case", c as u32);
            }
        }
        assert_eq!(fold("ТАЛИБАН Ἀ ΑΛ-ΚΑΪΝΤΑ طالبان"), "талибан Ἀ αλ-καϊντα طالبان");
    }
}
