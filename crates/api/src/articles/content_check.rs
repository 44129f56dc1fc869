//! The article's readiness with what the library knows of its pictures: one whose picture
//! has no credit, whose license has ended or that left the image library cannot be set
//! ready (nor exported or published). The message names the picture.

use newsdesk_model::CONTENT_ADDRESS_PREFIX;
use newsdesk_model::{ArticleContent, ProblemCode, ReadinessProblem};

use super::readiness::check_readiness_within;
use crate::{ApiError, App};

impl App {
    /// Everything that keeps `content` from being ready: [`super::check_readiness`] (with the
    /// library's teaser length) and, for the
    /// pictures from the library, what the library knows (license ended, picture gone).
    pub fn check_content(
        &self,
        content: &ArticleContent,
    ) -> Result<Vec<ReadinessProblem>, ApiError> {
        let mut problems = check_readiness_within(content, self.teaser_limit()?);
        let today = self.today();
        let mut guard = Vec::new();
        for (index, picture) in content.images.iter().enumerate() {
            let Some(hash) = picture.file.strip_prefix(CONTENT_ADDRESS_PREFIX) else {
                continue;
            };
            let n = index + 1;
            let field = format!("images[{n}]");
            match self.store.image_by_hash(hash)? {
                None => guard.push(ReadinessProblem {
                    field,
                    problem: format!(
                        "picture {n} is no longer in the image library; place it again"
                    ),
                    code: ProblemCode::NotInLibrary,
                    detail: n.to_string(),
                    blocking: true,
                }),
                Some(image) => {
                    if let Some(end) = image.expires.filter(|end| *end < today) {
                        guard.push(ReadinessProblem {
                            field,
                            problem: format!(
                                "the license of picture {n} ({}) ended on {end}",
                                image.file
                            ),
                            code: ProblemCode::LicenseExpired,
                            detail: format!("{}|{end}", image.file),
                            blocking: true,
                        });
                    }
                }
            }
        }
        // A library picture is named by its file name, not its `sha256:…` reference.
        for problem in &mut problems {
            if let Some(hash) = problem.detail.strip_prefix(CONTENT_ADDRESS_PREFIX)
                && let Some(image) = self.store.image_by_hash(hash)?
            {
                let reference = problem.detail.clone();
                problem.problem = problem.problem.replace(&reference, &image.file);
                problem.detail = image.file;
            }
        }
        // Blocking problems first, as check_readiness orders them.
        let hints = problems
            .iter()
            .position(|p| !p.blocking)
            .unwrap_or(problems.len());
        problems.splice(hints..hints, guard);
        Ok(problems)
    }
}
