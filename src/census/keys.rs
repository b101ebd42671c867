//! The household order check: a fingerprint of every household seen.

/// Fingerprints of the households seen so far, to refuse a household whose rows are not
/// together: the one thing a streaming reader must remember of every household, since knowing
/// exactly whether a key was seen takes memory in proportion to the keys. Each is 8 bytes, in
/// an open-addressing table at most 7/8 full (about 10 bytes a household; 1 MiB for 100,000).
/// Two keys share a fingerprint with a chance of about n²/2^65 (3 in 100 million for a million
/// households), which would refuse the later one as if its rows were not together.
#[derive(Clone, Debug, Default)]
pub(super) struct SeenKeys {
    pub(super) slots: Vec<u64>,
    pub(super) len: usize,
}

impl SeenKeys {
    /// FNV-1a (128 bits) of the key, folded and mixed (SplitMix64's finaliser) to 64; never 0,
    /// which marks an empty slot.
    fn fingerprint(key: &str) -> u64 {
        let mut h: u128 = 0x6c62272e07bb014262b821756295c58d;
        for &b in key.as_bytes() {
            h ^= u128::from(b);
            h = h.wrapping_mul(0x0000000001000000000000000000013B);
        }
        let mut x = (h as u64) ^ ((h >> 64) as u64);
        x = (x ^ (x >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        x = (x ^ (x >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        (x ^ (x >> 31)).max(1)
    }

    /// Adds the key; `false` if it was there already.
    pub(super) fn insert(&mut self, key: &str) -> bool {
        if (self.len + 1) * 8 > self.slots.len() * 7 {
            let size = (self.slots.len() * 2).max(1024);
            let old = std::mem::replace(&mut self.slots, vec![0; size]);
            self.len = 0;
            for h in old.into_iter().filter(|&h| h != 0) {
                self.place(h);
            }
        }
        self.place(Self::fingerprint(key))
    }

    fn place(&mut self, h: u64) -> bool {
        let mask = self.slots.len() - 1;
        let mut i = (h as usize) & mask;
        loop {
            match self.slots.get(i).copied() {
                Some(0) => {
                    self.slots[i] = h;
                    self.len += 1;
                    return true;
                }
                Some(s) if s == h => return false,
                Some(_) => i = (i + 1) & mask,
                None => return true, // cannot happen: i is masked to the table's size
            }
        }
    }
}
