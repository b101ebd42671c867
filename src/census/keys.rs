//! Household ids: what a household cell may hold, how two cells are found to name the same
//! household, and the order check's memory of every household seen.
//!
//! Two cells name the same household when their text is equal after Unicode normalisation
//! (NFC: "é" written as one character or as "e" and a combining accent is one id). An id that
//! holds a character one cannot see, or that changes the direction of the text around it, is
//! refused, naming the cell: "H1", "H1" with a no-break space and "H1" with a zero-width space
//! look the same in a spreadsheet and would otherwise be two households (or, trimmed, one).
//!
//! The order check remembers a 64-bit fingerprint of every household: a keyed SipHash, with a
//! key drawn at random for each census, so no file can be written whose ids collide (which
//! made an unkeyed hash's table quadratic: 100,000 crafted ids took 5.6 s instead of 0.46 s).

use std::borrow::Cow;

use super::MAX_KEY_CHARS;
use crate::error::{shown, Code};

/// A household id read from its cell: the text as written (blanks around it dropped) and the
/// text it is compared by (its NFC form, where that differs).
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Key {
    pub(super) text: String,
    normalized: Option<String>,
}

impl Key {
    /// The text two ids are compared by.
    pub(super) fn compared(&self) -> &str {
        self.normalized.as_deref().unwrap_or(&self.text)
    }
}

/// Reads a household cell (its text as the tokenizer kept it). The error: the code and words.
pub(super) fn key_of(cell: &str) -> Result<Key, (Code, String)> {
    let text = cell.trim_matches(' ');
    if text.is_empty() {
        return Err((Code::MissingField, "missing: every row names its household".to_string()));
    }
    // The id quoted with its unseen characters written out (`\u{a0}`), so the words show them.
    let visible: String = text.chars().map(|c| if unseen(c).is_some() { c.escape_unicode().to_string() } else { c.to_string() }).collect();
    let bad = |what: String| Err((Code::InvalidText, format!("\"{}\" is not a household id: {what}", shown(&visible))));
    if text.chars().count() > MAX_KEY_CHARS {
        return bad(format!("an id has 1 to {MAX_KEY_CHARS} characters"));
    }
    for (i, c) in text.chars().enumerate() {
        if c.is_control() {
            return bad(format!("character {} is a control character (U+{:04X}: a tab, a line break, …)", i + 1, u32::from(c)));
        }
        if let Some(what) = unseen(c) {
            return bad(format!("character {} is {what} (U+{:04X}), which a spreadsheet does not show", i + 1, u32::from(c)));
        }
    }
    let normalized = match nfc(text) {
        Cow::Owned(n) if n != text => Some(n),
        _ => None,
    };
    Ok(Key { text: text.to_string(), normalized })
}

/// What a character that cannot be seen is, or `None` for a visible one: Unicode's default
/// ignorable code points (zero-width spaces and joiners, the bidirectional marks, embeddings,
/// overrides and isolates, the soft hyphen, variation selectors, …) and the spaces other than
/// U+0020 (the no-break spaces, the typographic spaces, the ideographic space).
fn unseen(c: char) -> Option<&'static str> {
    Some(match u32::from(c) {
        0x200E | 0x200F | 0x061C | 0x202A..=0x202E | 0x2066..=0x2069 => "a character that changes the direction of text",
        0x00A0 | 0x1680 | 0x2000..=0x200A | 0x2028 | 0x2029 | 0x202F | 0x205F | 0x3000 => "a space other than the plain space",
        0x00AD | 0x034F | 0x115F | 0x1160 | 0x17B4 | 0x17B5 | 0x180B..=0x180F | 0x200B..=0x200D | 0x2060..=0x2065 | 0x206A..=0x206F
        | 0x3164 | 0xFE00..=0xFE0F | 0xFEFF | 0xFFA0 | 0xFFF0..=0xFFF8 | 0x1BCA0..=0x1BCA3 | 0x1D173..=0x1D17A | 0xE0000..=0xE0FFF => {
            "an invisible character"
        }
        _ => return None,
    })
}

/// The text in Unicode Normalization Form C. Text below U+0300 (ASCII, Latin-1 and the Latin
/// extensions, without combining marks) is in NFC already. Natively by the
/// `unicode-normalization` crate; in WebAssembly by the browser's own
/// `String.prototype.normalize`, which adds nothing to the module (docs/decisions.md).
pub(super) fn nfc(text: &str) -> Cow<'_, str> {
    if text.chars().all(|c| u32::from(c) < 0x300) {
        return Cow::Borrowed(text);
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        use unicode_normalization::UnicodeNormalization;
        Cow::Owned(text.nfc().collect())
    }
    #[cfg(target_arch = "wasm32")]
    {
        let normalized: String = js_sys::JsString::from(text).normalize("NFC").into();
        Cow::Owned(normalized)
    }
}

/// A keyed 64-bit fingerprint of an id (SipHash-2-4), never 0 (0 marks an empty slot).
#[derive(Clone, Copy, Debug)]
pub(super) struct Fingerprint {
    k0: u64,
    k1: u64,
}

impl Fingerprint {
    /// A fingerprint with a key drawn at random (the operating system's randomness natively,
    /// the browser's `crypto.getRandomValues` in WebAssembly).
    pub(super) fn random() -> Fingerprint {
        let (k0, k1) = random_keys();
        Fingerprint { k0, k1 }
    }

    #[cfg(test)]
    pub(super) fn with_keys(k0: u64, k1: u64) -> Fingerprint {
        Fingerprint { k0, k1 }
    }

    pub(super) fn of(&self, key: &str) -> u64 {
        use std::hash::Hasher;
        #[allow(deprecated)] // std's SipHasher: the keyed SipHash-2-4, without a crate
        let mut h = std::hash::SipHasher::new_with_keys(self.k0, self.k1);
        h.write(key.as_bytes());
        h.finish().max(1)
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn random_keys() -> (u64, u64) {
    use std::hash::BuildHasher;
    // RandomState's keys come from the operating system; hashing two constants with them
    // gives two random words.
    let state = std::collections::hash_map::RandomState::new();
    (state.hash_one(0u64), state.hash_one(1u64))
}

#[cfg(target_arch = "wasm32")]
fn random_keys() -> (u64, u64) {
    #[wasm_bindgen::prelude::wasm_bindgen]
    extern "C" {
        #[wasm_bindgen(js_namespace = crypto, js_name = getRandomValues)]
        fn get_random_values(bytes: &mut [u8]);
    }
    let mut bytes = [0u8; 16];
    get_random_values(&mut bytes);
    let word = |b: &[u8]| b.iter().fold(0u64, |w, &x| (w << 8) | u64::from(x));
    (word(&bytes[..8]), word(&bytes[8..]))
}

/// Fingerprints with a value each, in an open-addressing table at most 7/8 full (linear
/// probing): 8 bytes a household for the order check (`V = ()`), about 10 with the room kept
/// free (1 MiB for 100,000 households). Two ids share a fingerprint with a chance of about
/// n²/2^65 (3 in 100 million for a million households), which would take the later one for
/// the earlier; with the key random, no file can make that likelier.
#[derive(Clone, Debug)]
pub(super) struct Table<V> {
    slots: Vec<(u64, V)>,
    len: usize,
    /// Slots looked at by every insert and lookup so far (the tests' measure of the work).
    pub(super) probes: u64,
}

impl<V: Copy + Default> Default for Table<V> {
    fn default() -> Table<V> {
        Table { slots: Vec::new(), len: 0, probes: 0 }
    }
}

impl<V: Copy + Default> Table<V> {
    pub(super) fn len(&self) -> usize {
        self.len
    }

    /// Adds `h` with `value`; the value already there if `h` was there (which is kept).
    pub(super) fn insert(&mut self, h: u64, value: V) -> Option<V> {
        if (self.len + 1) * 8 > self.slots.len() * 7 {
            let size = (self.slots.len() * 2).max(1024);
            let old = std::mem::replace(&mut self.slots, vec![(0, V::default()); size]);
            self.len = 0;
            for (h, v) in old.into_iter().filter(|&(h, _)| h != 0) {
                self.place(h, v);
            }
        }
        self.place(h, value)
    }

    pub(super) fn get(&mut self, h: u64) -> Option<V> {
        if self.slots.is_empty() {
            return None;
        }
        let mask = self.slots.len() - 1;
        let mut i = (h as usize) & mask;
        loop {
            self.probes += 1;
            match self.slots.get(i).copied() {
                Some((0, _)) | None => return None,
                Some((s, v)) if s == h => return Some(v),
                Some(_) => i = (i + 1) & mask,
            }
        }
    }

    fn place(&mut self, h: u64, value: V) -> Option<V> {
        let mask = self.slots.len() - 1;
        let mut i = (h as usize) & mask;
        loop {
            self.probes += 1;
            match self.slots.get(i).copied() {
                Some((0, _)) => {
                    self.slots[i] = (h, value);
                    self.len += 1;
                    return None;
                }
                Some((s, v)) if s == h => return Some(v),
                Some(_) => i = (i + 1) & mask,
                None => return None, // cannot happen: i is masked to the table's size
            }
        }
    }
}
