//! Choosing the adapter for a portal's kind: the one place that knows every adapter.

use std::sync::Arc;

use newsdesk_model::PortalKind;

use crate::adapter::{Credentials, PortalAdapter, base_url};
use crate::{Http, PublishError};

/// The adapter for a portal of `kind`.
pub fn connect(
    kind: PortalKind,
    credentials: Credentials,
    http: Arc<dyn Http>,
) -> Result<Box<dyn PortalAdapter>, PublishError> {
    let base = base_url(&credentials.url)?;
    Ok(match kind {
        PortalKind::Wordpress => {
            Box::new(crate::wordpress::WordPress::new(base, &credentials, http))
        }
        PortalKind::Ghost => Box::new(crate::ghost::Ghost::new(base, &credentials, http)?),
        PortalKind::Ninjs => Box::new(crate::ninjs::Ninjs::new(base, &credentials, http)),
    })
}
