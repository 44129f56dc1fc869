//! Look-alikes: the same photo re-encoded, resized or lightly cropped, found by the distance
//! of perceptual hashes, so that one photo does not go out with two different credits.

use newsdesk_model::DuplicateGroup;

use crate::{ApiError, App};

/// Hashes at most this many bits apart count as the same photo (of 64).
pub const LOOK_ALIKE_BITS: u32 = 10;

/// Groups of indexes into `hashes` whose members are (transitively) within `bits` of one
/// another; only groups of two or more, each in input order.
pub(crate) fn groups(hashes: &[u64], bits: u32) -> Vec<Vec<usize>> {
    let mut parent: Vec<usize> = (0..hashes.len()).collect();
    fn root(parent: &mut [usize], mut i: usize) -> usize {
        while parent[i] != i {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        i
    }
    for a in 0..hashes.len() {
        for b in a + 1..hashes.len() {
            if newsdesk_media::phash_distance(hashes[a], hashes[b]) <= bits {
                let (ra, rb) = (root(&mut parent, a), root(&mut parent, b));
                if ra != rb {
                    parent[rb.max(ra)] = rb.min(ra);
                }
            }
        }
    }
    let mut by_root: std::collections::BTreeMap<usize, Vec<usize>> = Default::default();
    for i in 0..hashes.len() {
        let r = root(&mut parent, i);
        by_root.entry(r).or_default().push(i);
    }
    by_root.into_values().filter(|g| g.len() > 1).collect()
}

impl App {
    /// Pictures that show the same photo, with a flag where their credits differ.
    pub fn image_duplicates(&self) -> Result<Vec<DuplicateGroup>, ApiError> {
        let all = self.store.image_phashes()?;
        let hashes: Vec<u64> = all.iter().map(|(_, h)| *h).collect();
        let mut found = Vec::new();
        for group in groups(&hashes, LOOK_ALIKE_BITS) {
            let images = group
                .iter()
                .map(|&i| self.store.image(all[i].0))
                .collect::<Result<Vec<_>, _>>()?;
            let credits_differ = images
                .iter()
                .any(|image| image.credit_line != images[0].credit_line);
            found.push(DuplicateGroup {
                images,
                credits_differ,
            });
        }
        Ok(found)
    }
}

#[cfg(test)]
mod tests {
    use super::groups;

    #[test]
    fn near_hashes_group_transitively_and_far_ones_stay_alone() {
        let base = 0xDEAD_BEEF_0123_4567_u64;
        let hashes = [
            base,
            base ^ 0b111,
            u64::MAX ^ base,
            base ^ 0b111 ^ (0xFF << 8),
        ];
        // 0 and 1 differ in 3 bits, 1 and 3 in 8: one group of three; 2 is a different photo.
        assert_eq!(groups(&hashes, 10), vec![vec![0, 1, 3]]);
        assert!(groups(&hashes, 2).is_empty());
    }
}
