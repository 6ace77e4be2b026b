// Each rule's own example: a sentence it must match and a near miss it must not (rule-examples.spec.ts runs them all,
// and fails for a rule without its pair). Self-written general policy language: none is taken from evaluation data.
// Keys are `<type or "stance">:<rule id>`.
export const RULE_EXAMPLES: Readonly<Record<string, readonly [match: string, noMatch: string]>> = {
  'data-collection:we-collect': ['We collect the name and email address you enter.', 'You can collect points by inviting friends.'],
  'data-collection:data-collected': ['Some information is collected when you contact support.', 'Some information is shown when you contact support.'],
  'data-collection:you-must-give': ['To open an account you need to enter your email address and a password.', 'To open an account you need to accept these terms.'],
  'data-collection:ask-for': ['We ask you for your name and date of birth when you sign up.', 'We ask you for patience during the upgrade.'],
  'data-collection:we-receive': ['We receive information about you when you use the app.', 'We receive questions by email.'],
  'data-collection:combine': ['We may combine information from our different apps into one profile.', 'We may combine two orders into one parcel.'],
  'data-collection:collect': ['Information we collect when you sign up.', 'Pick up your order at the counter.'],
  'data-collection:categories': ['The categories of personal information we hold are listed below.', 'The categories of products we sell are listed below.'],
  'data-collection:collected-reference': ['We use the information we collect to run the service.', 'The data we collect includes your name.'],
  'data-collection:automatically': ['Some details are automatically recorded when you visit.', 'Your plan renews automatically each month.'],
  'data-collection:identifiers': ['This includes your IP address and device identifiers.', 'This includes your name and your nickname.'],
  'data-collection:private-content': ['We may scan your private messages for spam.', 'We may scan the documents you upload for viruses.'],
  'data-collection:permissions': ['The app asks for permission to use your camera.', 'You need our permission to reuse our logo.'],
  'data-collection:you-provide': ['We keep the information you provide when you register.', 'We keep the receipts we send you.'],
  'sensitive-data:biometric': ['We create a faceprint from your selfie to verify you.', 'We check the photo ID you send us.'],
  'sensitive-data:location': ['We collect your precise location when the app is open.', 'Our office is in a central place in the city.'],
  'sensitive-data:special-categories': ['We do not ask for health information.', 'We do not ask for your shoe size.'],
  'data-use:use-data': ['We use your personal data to provide customer support.', 'We use cookies on this site.'],
  'data-use:use-kinds': ['We may use your phone number and location to suggest people you know.', 'We may use a phone number you give us only after you confirm it.'],
  'data-use:content-used-for': ['Files in private folders are never shown to other users and are not used for improving the service.', 'Files in private folders are never shown to other users and are not used for public listings.'],
  'data-use:data-used-to': ['Your contact details will only be used to send you receipts.', 'Your contact details will only be shown to you.'],
  'data-use:how-we-use': ['How we use your information', 'How we protect your information'],
  'data-use:purposes': ['We process data for the purposes described below.', 'We process data as described below.'],
  'data-use:limited-purposes': ['We only use your address to deliver your order.', 'We use your address to deliver your order and for offers.'],
  'data-use:minimisation': ['We collect only the minimum data necessary to run the service.', 'We collect the data you give us.'],
  'data-use:aggregate': ['We may publish aggregated statistics about usage.', 'We may publish news about our products.'],
  'data-use:profiling': ['We use automated decision making to detect fraud.', 'A person reviews every refund request.'],
  'data-use:segmentation': ['We segment users into groups by their interests.', 'We group products by category.'],
  'data-use:many-purposes': ['We may use your data for any lawful purpose.', 'We use your data to send your receipt.'],
  'ai-training:train-models': ['We train our models on the content you share.', 'We train our staff to handle complaints.'],
  'ai-training:data-for-models': ['We use your data to develop and improve our AI models.', 'We use your data to improve our customer service.'],
  'ai-training:data-used-for-models': ['Your conversations may be used to improve our models.', 'Your conversations may be used to improve our support.'],
  'data-sale:for-consideration': ['We do not disclose personal information for monetary or other valuable consideration.', 'We do not disclose personal information without a reason.'],
  'ai-training:develop-models': ['We develop machine learning tools for our editors.', 'We develop new features for our editors.'],
  'ai-training:ai': ['Some answers are written by artificial intelligence.', 'Some answers are written by our staff.'],
  'advertising:ads': ['We show ads based on your activity.', 'We show tips based on your activity.'],
  'advertising:use-for-ads': ['We use your browsing data to show you advertising.', 'We use your browsing data to fix bugs.'],
  'advertising:targeted': ['We serve interest-based ads on partner sites.', 'We serve pages from servers near you.'],
  'advertising:marketing': ['We may use your email for direct marketing.', 'We may use your email to reset your password.'],
  'advertising:of-interest': ['We may tell you about products that may be of interest to you.', 'We may tell you about changes to your order.'],
  'advertising:ad-platforms': ['Criteo | Purpose: cookies set when you visit our shop | Opt out on the Criteo website', 'You can share a recipe to Pinterest from its page.'],
  'advertising:opt-out-ads': ['You can opt out of personalised ads in settings.', 'You can opt out of the newsletter in settings.'],
  'advertising:sponsored': ['We may show sponsored posts in your feed.', 'We may show your saved posts in your feed.'],
  'data-sharing:share-third': ['We share your contact details with third parties.', 'We keep your contact details on our own servers.'],
  'data-sharing:allow-access': ['We allow selected companies to access your purchase history.', 'We allow selected members to join the beta.'],
  'data-sharing:third-receives': ['Our measurement partners may receive details about the pages you view.', 'Our partners may receive a copy of this notice.'],
  'data-sharing:use-third': ['We work with third parties to process payments.', 'We work alone to process payments.'],
  'data-sharing:third-party': ['Your data may reach a third party.', 'Third-party cookies are described in the cookie notice.'],
  'data-sharing:recipients': ['Our service providers help us run the site.', 'Our staff help us run the site.'],
  'data-sharing:report-to-others': ['We may report accounts that send spam to anti-spam organisations.', 'You may report accounts that send spam to our support team.'],
  'data-sharing:share': ['We may share this information.', 'We may keep this information.'],
  'data-sharing:ad-platform': ['The pixel lets us build targeted audiences and remarket to people who visited our site.', 'The pixel lets us count the visits to our help pages.'],
  'data-sharing:independent-controller': ['The payment company processes your data as an independent controller.', 'We are the controller of the data you give us.'],
  'data-sharing:processor': ['Our site is hosted by a cloud provider.', 'Our site is written in plain language.'],
  'data-sharing:confidentiality': ['Recipients are bound by confidentiality obligations.', 'Recipients may use the data as they wish.'],
  'data-sharing:from-third': ['We receive information about you from our partners.', 'We receive your questions by email.'],
  'data-sharing:recipients-of-data': ['Recipients of your personal data', 'Recipients of our annual award'],
  'data-sharing:disclose-to-anyone': ['We do not disclose your data to anyone without your consent.', 'We do not explain your data to anyone who calls.'],
  'data-sale:sell-data': ['We may sell your personal data to advertisers.', 'We may sell gift cards in our shop.'],
  'data-sale:data-sold': ['Your personal information may be sold to partners.', 'Your order may be shipped to partners.'],
  'data-sale:sale-of-data': ['This section describes the sale of personal information.', 'You have the right to opt out of the sale of personal information.'],
  'data-sale:sell': ['We sell subscriptions.', 'We offer subscriptions.'],
  'business-transfer:asset-transfer': ['If we are acquired, your personal data may pass to the buyer.', 'If we are acquired, we will post a notice.'],
  'business-transfer:merger': ['In the event of a merger, this agreement stays in force.', 'In the event of a dispute, this agreement stays in force.'],
  'law-enforcement:authorities': ['We respond to valid requests from law enforcement.', 'We respond to requests from our members.'],
  'law-enforcement:required-by-law': ['We disclose data when required by law.', 'We disclose data when you ask us to.'],
  'law-enforcement:notify-users': ['We will notify affected users of any government request unless prohibited.', 'We will notify users of new features.'],
  'tracking:cookies': ['This site uses cookies.', 'This site uses plain language.'],
  'tracking:trackers': ['Our emails contain web beacons.', 'Our emails contain a signature.'],
  'tracking:tags-placed': ['Partners place tags on our pages to count visits.', 'Partners place orders on our pages to buy stock.'],
  'tracking:social-plugins': ['Our pages include social media plug-ins such as like buttons.', 'Our pages include a search box and a map.'],
  'tracking:ad-trackers': ['Our partners set advertising cookies to measure which ads you see.', 'Our partners set up stands to sell tickets.'],
  'tracking:dnt': ['How we respond to Do Not Track signals', 'How we respond to support tickets'],
  'tracking:dnt-ignored': ['We do not respond to Do Not Track signals.', 'We honour Do Not Track signals.'],
  'tracking:track': ['We track how you use the app.', 'We trace the history of our company.'],
  'tracking:dnt-not-honoured': ['There is no industry standard for Do Not Track, so we do not honour it.', 'We honour every Do Not Track signal.'],
  'tracking:cross-site': ['We follow your activity across other websites and apps.', 'We describe our activity in this report.'],
  'tracking:ip-logging': ['We log your IP address when you sign in.', 'We log the time of each backup.'],
  'tracking:analytics': ['We use Google Analytics to measure traffic.', 'We use a spreadsheet to measure costs.'],
  'tracking:referrer': ['We record the referring page that sent you here.', 'We record the page count of each book.'],
  'tracking:cookies-required': ['If you disable cookies, some features may not work.', 'If you disable notifications, you will get fewer emails.'],
  'tracking:session-cookies': ['We only use strictly necessary cookies.', 'We only use recycled paper.'],
  'retention:retain': ['We retain your data for two years.', 'We retain the right to refuse service.'],
  'retention:kept-for-period': ['We keep information about the ads you saw on other sites and how you reacted to them for up to 90 days.', 'We keep your subscription active for 30 days after you cancel.'],
  'retention:retention-word': ['Our retention schedule is set out below.', 'Our refund schedule is set out below.'],
  'retention:logs': ['Server logs are kept for security.', 'Log in to manage your account.'],
  'retention:period': ['Data is erased within 30 days.', 'Data is erased on request.'],
  'retention:after-deletion': ['Some copies remain after you delete your account.', 'Some copies remain in the archive room.'],
  'retention:deleted-after': ['Recordings are deleted after 90 days.', 'Recordings are made on weekdays.'],
  'retention:as-long-as-needed': ['We keep data no longer than necessary.', 'We keep data safe.'],
  'retention:kept-copies': ['Backup copies may persist after your account is deleted.', 'Backup copies are encrypted.'],
  'stance:indefinite-retention': ['We may store your uploads indefinitely.', 'We may store your uploads for two years.'],
  'stance:not-kept': ['Your messages are not stored on our servers.', 'Your messages are shown on your screen.'],
  'stance:data-stays-local': ['Your fingerprint never leaves your phone.', 'Your fingerprint unlocks your phone.'],
  'stance:knowingly-collect': ['We do not knowingly collect data from children.', 'We do not collect data from children.'],
  'stance:parental-consent': ['Users under 16 may join only with parental consent.', 'Users under 16 may join a parental group.'],
  'stance:private-by-default': ['New profiles are private by default.', 'New profiles are listed in the directory.'],
  'stance:public-by-default': ['New profiles are public by default.', 'New profiles can be made public.'],
  'stance:prompt-deletion': ['If we find such data, we will delete it promptly.', 'If we find such data, we will review it.'],
  'stance:builds-profile': ['We build a profile of your interests from your activity.', 'You can edit your profile at any time.'],
  'stance:only-be-used': ['Your phone number will only be used for sign-in.', 'Your phone number will be used for sign-in and offers.'],
  'stance:without-legal-process': ['We may hand data to the police without a court order.', 'We may hand data to the police under a court order.'],
  'stance:ad-free': ['The premium plan is ad-free.', 'The premium plan is paid yearly.'],
  'stance:dnt-honoured': ['We honour Do Not Track signals from your browser.', 'We record signals from your browser.'],
  'stance:successor-bound': ['Any successor will be bound by this privacy policy.', 'Any successor may change this privacy policy.'],
  'stance:without-telling': ['We may pass your details to the authorities without telling you.', 'We may pass your details to the authorities after telling you.'],
  'stance:unprotected': ['Some logs are kept in plain text.', 'Some logs are kept for a week.'],
  'stance:without-safeguards': ['Data may be moved abroad without additional safeguards.', 'Data may be moved abroad under additional safeguards.'],
  'stance:only-with-consent': ['We share your data only with your explicit consent.', 'We share your data with our partners.'],
  'stance:on-belief': ['We may share your details with the police if we believe it is appropriate.', 'We may share your details with the police if a court orders it.'],
  'stance:no-access': ['We have no access to the contents of your vault.', 'We have access to the contents of your vault.'],
  'stance:staff-access': ['Our staff may read your messages to resolve disputes.', 'Only authorised staff may read your messages to resolve disputes.'],
  'stance:own-purposes': ['Our partners may use these details for their own marketing purposes.', 'Our partners may use these details only on our behalf.'],
  'stance:protect-our-rights': ['We may disclose records to protect our rights and property.', 'We may disclose records to protect your safety.'],
  'stance:sent-to-us': ['Your recordings are never sent to us.', 'Your recordings are never shown to others.'],
  'stance:any-source': ['We may gather details about you from any source.', 'We may gather details about you from your bank.'],
  'stance:bounded-retention': ['We keep logs for no more than 30 days.', 'We keep logs for a long time.'],
  'stance:open-ended-retention': ['We keep your data as long as necessary.', 'We keep your data for 30 days.'],
  'stance:extended-retention': ['We may keep your data for a longer period if the law requires.', 'We keep your data for a short period.'],
  'retention:indefinitely': ['We may keep this information indefinitely.', 'We may keep this information for one year.'],
  'deletion:you-delete': ['You can delete your photos at any time.', 'We can delete inactive accounts.'],
  'deletion:right-to-erasure': ['You have the right to erasure of your data.', 'You have the right to a refund.'],
  'deletion:erased-from-systems': ['Your data is removed from our servers within a week.', 'Your data is copied to our servers within a week.'],
  'deletion:wish-deleted': ['If you would like your account deleted, write to our support team.', 'If you would like your account upgraded, write to our support team.'],
  'deletion:delete-data': ['We delete your personal data when you ask.', 'We update our policy when the law changes.'],
  'user-rights:exercise-rights': ['Residents of Canada can read how to exercise their rights under the federal privacy law on our help page.', 'Residents of Canada can read how to exercise their options under the federal tax law on our help page.'],
  'user-rights:right-to': ['You have the right to access the data we hold about you.', 'We grant you the right to access the content for personal use.'],
  'user-rights:you-can-request': ['You may request a copy of your data.', 'You may not request a copy of your data.'],
  'user-rights:representative': ['We have appointed a representative in the European Union under Article 27 GDPR.', 'We have appointed a sales representative in each region.'],
  'user-rights:request-right': ['The user may request the portability of their personal data.', 'The user may request the cancellation of their order.'],
  'user-rights:copy-export': ['You can download a copy of your data.', 'You can download our app.'],
  'user-rights:complaint': ['You may lodge a complaint with a supervisory authority.', 'You may leave a review in the app store.'],
  'user-rights:rights-list': ['You can access, correct or delete your information.', 'You can read our blog.'],
  'user-rights:data-subject': ['A data subject may contact us at any time.', 'A customer may contact us at any time.'],
  'user-rights:opt-out-third': ['You can opt out of sharing with third parties.', 'You can opt out of the weekly newsletter.'],
  'state-privacy-rights:state-law': ['Rights of California residents under the CCPA.', 'Rights of members under the club rules.'],
  'international-transfer:transfer-abroad': ['Your data may be transferred to other countries.', 'Your data stays with us.'],
  'international-transfer:safeguards': ['We rely on standard contractual clauses.', 'We rely on customer feedback.'],
  'international-transfer:server-location': ['Your data is stored on servers located in Germany.', 'Your data is stored on servers located in our secure facility.'],
  'security:security': ['We take security seriously.', 'We take feedback seriously.'],
  'security:measures': ['Data is encrypted in transit.', 'Data is shown in your dashboard.'],
  'security:two-factor': ['Turn on two-factor authentication.', 'Turn on dark mode.'],
  'security:breach': ['We will tell you about a data breach that affects you.', 'If you breach these terms we may close your account.'],
  'security:protect': ['We protect your personal data with care.', 'We protect the environment with care.'],
  'security:account-safety': ['Keep your password secret and do not share it.', 'Keep your receipt for your records.'],
  'children:children': ['We do not knowingly collect data from children.', 'We do not knowingly collect data from competitors.'],
  'children:children-data': ['We do not collect personal information from children under 13.', 'We do not collect payments in cash.'],
  'communications:promotional': ['We send promotional emails about our products.', 'We send transactional receipts.'],
  'communications:unsubscribe': ['You can unsubscribe from any email.', 'You can subscribe to the plan.'],
  'communications:contact-us': ['Contact us if you have questions.', 'Read on if you have time.'],
  'communications:maintenance': ['The service may be unavailable during maintenance.', 'The service may be unavailable in some regions.'],
  'communications:messages': ['We may send you push notifications.', 'We may send you a parcel.'],
  'communications:service-messages': ['We will send you service announcements about your account.', 'We will send you the parcel within a week.'],
  'communications:we-contact': ['We may contact you by email about your account.', 'You may contact us by email about your account.'],
  'communications:automated-calls': ['We may call you using an autodialer.', 'We may call you to confirm the delivery.'],
  'eligibility:minimum-age': ['You must be at least 16 years old to use the service.', 'You must be a member to use the service.'],
  'eligibility:age-restriction': ['The service is not intended for children under 13.', 'The service is not intended for commercial use.'],
  'eligibility:minors-excluded': ['Minors may not use the service.', 'Members may not resell tickets.'],
  'eligibility:adults-only': ['The service is only for adults.', 'The guide is written for beginners.'],
  'eligibility:non-commercial': ['The service is for your personal, non-commercial use.', 'The service is for business teams.'],
  'eligibility:identity': ['You must use your real name on your profile.', 'You must use a strong password on your profile.'],
  'eligibility:registration': ['You need to register to post comments.', 'You need to log in to post comments.'],
  'eligibility:eligible': ['You must be eligible to enter into a contract.', 'You must be polite to other members.'],
  'eligibility:accurate-info': ['You agree to keep your account information accurate, complete and up to date.', 'You agree to keep your password secret.'],
  'account-termination:terminate-account': ['We may suspend your account if you break these rules.', 'We may suspend the newsletter in summer.'],
  'account-termination:account-terminated': ['Accounts that break the rules will be terminated.', 'Accounts that break the rules will be reviewed.'],
  'account-termination:access-ends': ['We may refuse service to anyone who abuses our staff.', 'We may refuse a return that is not in its box.'],
  'account-termination:end-agreement': ['We may end this agreement with you at any time.', 'We may end the video call at any time.'],
  'account-termination:account-penalty': ['Repeated abuse may lead to a permanent ban.', 'Repeated abuse may lead to a warning.'],
  'account-termination:stop-service': ['We may discontinue the service at any time.', 'We may improve the service at any time.'],
  'account-termination:you-leave': ['You may close your account whenever you like.', 'You may change your avatar whenever you like.'],
  'account-termination:termination': ['Termination of this agreement', 'Duration of this agreement'],
  'content-license:license': ['You grant us a licence to host your posts.', 'You keep control of your posts.'],
  'content-license:broad-terms': ['The licence is worldwide and royalty-free.', 'The licence is limited to this site.'],
  'content-license:right-to-reproduce': ['By posting a photo you give us the right to reproduce, display and distribute it.', 'By posting a photo you give us the right information about where it was taken.'],
  'content-license:rights-granted': ['We may reproduce and distribute your content.', 'We may store your content.'],
  'content-license:moral-rights': ['You waive your moral rights in your content.', 'You keep your copyright in your content.'],
  'content-license:feedback': ['We may use any feedback you send us.', 'We may use any payment method you add.'],
  'content-license:feedback-use': ['If you send us feedback, we may use it for any purpose without compensation to you.', 'If you send us feedback, we will read it within a week.'],
  'content-license:grant': ['You grant us the rights needed to show your posts.', 'You give us your email address.'],
  'content-license:purpose-limited-license': ['This license is solely for the purpose of operating the service.', 'This license is perpetual.'],
  'content-license:any-media': ['We may use it in any media now known or hereafter devised.', 'We may use it on this website.'],
  'content-license:free-license': ['Contributions are published under a Creative Commons licence.', 'Contributions are published after review.'],
  'content-license:license-to-user': ['We grant you a limited license to use the app.', 'You grant us a license to use your content.'],
  'content-license:your-content': ['Your content remains visible to your friends.', 'Our content is updated daily.'],
  'content-ownership:you-own': ['You retain ownership of everything you upload.', 'We retain copies of everything you upload.'],
  'content-ownership:ownership': ['This section explains ownership of uploads.', 'This section explains pricing of uploads.'],
  'content-ownership:belongs-to-user': ['Everything you upload belongs to you.', 'Everything you upload is checked for viruses.'],
  'content-ownership:claim-ownership': ['We do not claim ownership of your posts.', 'We do not charge for your posts.'],
  'content-ownership:become-property': ['Submissions become the property of the company.', 'Submissions become visible to the public.'],
  'content-moderation:remove-content': ['We may remove content that breaks these rules.', 'We may promote content that readers like.'],
  'content-moderation:content-removed': ['Posts that break these rules may be taken down.', 'Posts that follow these rules may be featured.'],
  'content-moderation:reduce-reach': ['We may limit the visibility of misleading posts.', 'We may limit the number of posts per day.'],
  'content-moderation:reported': ['Our team reviews reported content within a day.', 'Our team reviews new features within a day.'],
  'content-moderation:username': ['We may reject or change any username.', 'We may reject any late payment.'],
  'content-moderation:moderation': ['You can appeal a moderation decision.', 'You can change a display setting.'],
  'content-moderation:no-obligation': ['We have no obligation to monitor posts.', 'We have a duty to answer you.'],
  'content-moderation:enforcement': ['We may take enforcement action against accounts that post spam.', 'We may take legal action against anyone who owes us money.'],
  'ip-infringement:dmca': ['Send notices of claimed infringement to our agent.', 'Send questions about billing to our team.'],
  'acceptable-use:prohibited': ['You agree not to misuse the service.', 'You agree to use the service.'],
  'acceptable-use:bad-content': ['Do not post hateful or abusive material.', 'Do not post your password.'],
  'acceptable-use:break-law': ['Do not use the service to violate any applicable laws.', 'This agreement follows the laws of Ireland.'],
  'acceptable-use:obey-law': ['You agree to comply with all applicable laws when you use the service.', 'We comply with all applicable laws when we process your data.'],
  'acceptable-use:spam': ['Do not send spam to other members.', 'Do not send gifts to other members.'],
  'acceptable-use:others-train': ['You may not use the output of the service to develop competing AI models.', 'We may use the output of the service to develop new AI models.'],
  'acceptable-use:automation': ['Do not scrape the site with automated means.', 'Do not share your login with others.'],
  'acceptable-use:abuse': ['Do not try to hack or disrupt the service.', 'Do not forget to update the app.'],
  'acceptable-use:conduct': ['Follow our community guidelines.', 'Follow our blog for news.'],
  'dispute-resolution:arbitration': ['Disputes will be resolved by binding arbitration.', 'Disputes will be heard by the courts of Paris.'],
  'dispute-resolution:class-action': ['You waive the right to bring a class action.', 'You may bring a claim in your own name.'],
  'dispute-resolution:jury': ['You waive your right to a jury trial.', 'You waive your right to a printed invoice.'],
  'dispute-resolution:time-limit': ['Any claim must be filed within one year.', 'Any order must be paid within a week.'],
  'dispute-resolution:disputes': ['How disputes are handled', 'How refunds are handled'],
  'governing-law:governed-by': ['These terms are governed by the laws of England.', 'These terms are written in English.'],
  'governing-law:courts': ['The courts of Dublin have exclusive jurisdiction.', 'Our office in Dublin opens at nine.'],
  'governing-law:filed-in': ['Any claim must be brought in the courts of Cook County.', 'Any claim must be brought in writing.'],
  'governing-law:law-of': ['This contract is subject to the laws of Sweden.', 'This contract is subject to change.'],
  'governing-law:your-law': ['The law of your country of residence applies to these terms.', 'The rules of your club apply to these matches.'],
  'governing-law:seat': ['The company is headquartered in Berlin.', 'The company sells shoes in Berlin.'],
  'governing-law:comply-laws': ['You must comply with all applicable laws.', 'You must comply with our style guide.'],
  'liability:as-is': ['The service is provided as is.', 'The service is provided as long as necessary.'],
  'liability:warranty': ['We make no warranty of any kind.', 'We make no promise of new features.'],
  'liability:liable': ['We are not liable for indirect losses.', 'We are not open on Sundays.'],
  'liability:responsible': ['You are responsible for your password.', 'You are welcome to ask questions.'],
  'liability:guarantee': ['We cannot guarantee that the app is always available.', 'We cannot answer every email.'],
  'liability:own-risk': ['You use the service at your own risk.', 'You use the service at no cost.'],
  'liability:damages': ['We are not responsible for incidental damages.', 'We are not responsible for your choice of colours.'],
  'liability:quality': ['We do not promise that the service will be uninterrupted.', 'We hope that you enjoy the service.'],
  'liability:cap': ['Our liability is limited to the fees you paid.', 'Our support is limited to business hours.'],
  'liability:endorse': ['We do not endorse the views of our users.', 'We do not store your card number.'],
  'liability:no-control': ['We have no control over other websites.', 'We have an office in Madrid.'],
  'liability:warranted-outcome': ['We do not warrant that errors will be corrected.', 'We do not share your data.'],
  'liability:linked-content': ['We are not responsible for content on third-party websites.', 'We are responsible for our own website.'],
  'liability:disclaim': ['We disclaim all implied warranties.', 'We describe all our products.'],
  'indemnification:indemnify': ['You agree to indemnify us against claims.', 'You agree to inform us of changes.'],
  'indemnification:defend': ["You will reimburse our attorneys' fees.", 'You will receive a monthly invoice.'],
  'policy-changes:change-terms': ['We may change these terms at any time.', 'We may change the colour of the site.'],
  'policy-changes:terms-change': ['These terms may be updated from time to time.', 'These terms apply to all members.'],
  'policy-changes:last-updated': ['Last updated: March 3, 2025', 'Last chance to join the beta'],
  'policy-changes:continued-use': ['Your continued use means you accept the new terms.', 'Your first purchase ships free.'],
  'policy-changes:review-periodically': ['Please review this page periodically.', 'Please review your order.'],
  'policy-changes:notify-changes': ['We will notify you of material changes.', 'We will notify you when your parcel ships.'],
  'policy-changes:check-for-changes': ['Please check this page for updates.', 'Please check this box for delivery.'],
  'policy-changes:effective-on-posting': ['Changes apply from the date of publication.', 'Changes apply to orders placed after today.'],
  'policy-changes:reject-changes': ['If you do not accept the updated terms, you may close your account.', 'If you do not accept the delivery, it goes back to us.'],
  'policy-changes:changes-notice': ['If we make changes, we will let you know before they take effect.', 'If we make mistakes, we will fix them quickly.'],
  'policy-changes:post-changes': ['We will post any revisions on this page.', 'We will post your order to this address.'],
  'policy-changes:archive': ['Previous versions of this policy are archived here.', 'Previous orders are listed here.'],
  'policy-changes:new-version': ['The new terms apply from 1 May.', 'The new app is available from 1 May.'],
  'payment:refund': ['You can ask for a refund within 14 days.', 'You can ask for a new password.'],
  'payment:no-refund': ['All purchases are non-refundable.', 'All purchases include tax.'],
  'payment:surcharge': ['Card payments are subject to a 3% surcharge.', 'Card payments are subject to our payment terms.'],
  'payment:billing': ['Your subscription renews every month.', 'Your profile is visible every day.'],
  'payment:throttle': ['We may throttle heavy users.', 'We may thank heavy users.'],
  'third-party-services:external': ['Our site contains links to other websites.', 'Our site contains useful guides.'],
  'third-party-services:other-sites': ['Some videos on our pages are embedded from other websites.', 'Some videos on our pages are embedded from our archive.'],
  'third-party-services:their-policy': ['Those services are governed by their own privacy policies.', 'Those services are free.'],
  'third-party-services:more-info': ['For more information, visit our help centre.', 'Thank you for choosing us.'],
  'other:boilerplate': ['If any provision is unenforceable, the rest survives under the severability clause.', 'If you need help, write to us.'],
  'stance:any-time': ['We may change prices at any time.', 'We may change prices once a year.'],
  'stance:without-notice': ['We may remove posts without notice.', 'We may remove posts after a warning.'],
  'stance:discretion': ['We may refuse service in our sole discretion.', 'We may refuse service for a stated reason.'],
  'stance:uncompensated': ['You allow us to use your name without compensation.', 'You allow us to use your name in the credits.'],
  'stance:legitimate-interest': ['We process data based on our legitimate interests.', 'We process data based on your consent.'],
  'stance:reserve-right': ['We reserve the right to close accounts.', 'We promise to keep accounts open.'],
  'stance:waive': ['You waive any claim against us.', 'You keep every claim against us.'],
  'stance:you-agree': ['You agree to these rules.', 'We agree to these rules.'],
  'stance:user-can': ['You can opt out of emails at any time.', 'You cannot change your username.'],
  'stance:offered-choice': ['We give you the option to turn off reminders.', 'We give you a welcome gift.'],
  'stance:opt-out': ['You can opt out in the settings.', 'You can log out in the settings.'],
  'stance:on-request': ['Upon your request we will correct your data.', 'Upon arrival we will check your ticket.'],
  'stance:consent': ['We only do this with your consent.', 'We only do this on weekdays.'],
  'stance:without-consent': ['We may share it without your consent.', 'We may share it with your consent.'],
  'stance:notify': ['We will notify you before we make the change.', 'We will make the change.'],
  'stance:only': ['We use it only when needed.', 'We use it a lot.'],
  'stance:never': ['We never read your messages.', 'We sometimes read your messages.'],
  'stance:free': ['You can request a copy free of charge.', 'You can request a copy for a fee.'],
  'stance:transparency': ['We value transparency.', 'We value speed.'],
  'stance:required': ['You must keep your password secret.', 'We keep your password secret.'],
  'stance:nothing-prevents': ['Nothing in these terms prevents you from going to court.', 'Nothing in these terms prevents us from going to court.'],
  'content-license:license-ends': ['The licence ends when you delete your content.', 'The licence continues when you delete your content.'],
  'stance:our-judgement': ['You may not post anything we consider offensive.', 'You may not post anything that is offensive to others.'],
  'stance:heard-first': ['We will give you an opportunity to respond before we decide.', 'We will give you an opportunity to upgrade before we decide.'],
  'stance:user-bears': ['You are responsible for all applicable taxes.', 'We are responsible for all applicable taxes.'],
  'stance:we-guarantee': ['We guarantee that your order arrives within a week.', 'You guarantee that your order is paid within a week.'],
  'stance:not-expressly-permitted': ['Any use not expressly permitted here is forbidden.', 'Any use permitted here is free.'],
  'stance:no-hidden-fees': ['There are no hidden fees.', 'There are no late fees.'],
  'stance:no-duty': ['We are not obliged to keep copies of deleted files.', 'You are not obliged to keep copies of deleted files.'],
  'stance:no-identity-needed': ['You can read the forum without creating an account.', 'You can read the forum after creating an account.'],
  'stance:we-answer': ['We accept full responsibility for the work of our contractors.', 'You accept full responsibility for the work of your contractors.'],
  'stance:no-cash-value': ['Coins bought in the game have no cash value.', 'Coins bought in the game have no expiry date.'],
  'stance:give-up': ['You give up the right to sue us in court.', 'You give up your seat to other passengers.'],
  'stance:no-appeal': ['Our decision is final and cannot be appealed.', 'Our decision is final and can be appealed.'],
  'stance:appeal-right': ['You may appeal the decision within 14 days.', 'You may read the decision within 14 days.'],
  'stance:restore': ['If we removed it by mistake, we will restore it.', 'If we removed it by mistake, we will tell you.'],
  'stance:we-indemnify': ['We will indemnify you against claims that the software infringes a patent.', 'You will indemnify us against claims that your content infringes a patent.'],
  'stance:statutory-rights': ['This does not affect your statutory rights.', 'This does not affect our prices.'],
  'stance:refund-promise': ['If the item is faulty, we will refund you.', 'If the item is faulty, you can return it.'],
  'policy-changes:changes-take-effect': ['Changes take effect on the date shown at the top.', 'Changes are listed on the date shown at the top.'],
  'ai-training:train-models-intl': ['Nous pouvons entraîner nos modèles avec vos contenus.', 'Nous pouvons améliorer nos services avec vos avis.'],
  'data-sale:sell-data-intl': ['Wir verkaufen keine personenbezogenen Daten.', 'Wir verkaufen Gutscheine im Shop.'],
  'dispute-resolution:arbitration-intl': ['Cualquier disputa se resolverá mediante arbitraje.', 'Cualquier disputa se resolverá ante los tribunales.'],
  'sensitive-data:sensitive-intl': ['Nous utilisons la reconnaissance faciale pour vérifier votre âge.', 'Nous utilisons votre adresse pour la livraison.'],
  'user-rights:rights-intl': ["Vous disposez d'un droit d'accès à vos données.", "Vous disposez d'un compte gratuit."],
  'retention:retention-intl': ['Ihre Daten werden 6 Monate gespeichert.', 'Ihre Daten werden verschlüsselt.'],
  'deletion:delete-data-intl': ['Vous pouvez supprimer vos données à tout moment.', 'Vous pouvez modifier vos données à tout moment.'],
  'user-rights:exercise-rights-intl': ['Para ejercer sus derechos, escríbanos.', 'Para conocer sus opciones, escríbanos.'],
  'communications:promotional-intl': ['Wir senden Ihnen Werbe-E-Mails zu unseren Angeboten.', 'Wir senden Ihnen Rechnungen zu unseren Angeboten.'],
  'communications:unsubscribe-intl': ['Vous pouvez vous désinscrire de la lettre à tout moment.', 'Vous pouvez vous inscrire à la lettre à tout moment.'],
  'policy-changes:policy-changes-intl': ['Nous pouvons modifier les présentes conditions à tout moment.', 'Nous pouvons modifier votre commande à tout moment.'],
  'policy-changes:contract-change-intl': ['Wir teilen Ihnen jede Vertragsänderung vier Wochen vorher mit.', 'Wir teilen Ihnen jede Preisänderung vier Wochen vorher mit.'],
  'eligibility:minimum-age-intl': ['Sie müssen mindestens 16 Jahre alt sein.', 'Sie müssen mindestens 16 Zeichen eingeben.'],
  'data-collection:collect-intl': ['Recopilamos los datos que nos proporciona.', 'Recopilamos las opiniones de nuestros clientes.'],
  'tracking:trackers-intl': ['Nous utilisons des traceurs pour mesurer l’audience.', 'Nous utilisons des colis pour la livraison.'],
  'content-moderation:report-intl': ['Vous pouvez signaler un profil qui ne respecte pas nos règles.', 'Vous pouvez signaler votre changement d\'adresse à notre service client.'],
  'content-moderation:remove-content-intl': ['Wir können Beiträge entfernen, die gegen die Regeln verstoßen.', 'Wir können Pakete zurücksenden, die beschädigt sind.'],
  'international-transfer:transfer-abroad-intl': ['Vos données peuvent être transférées vers des pays tiers.', 'Vos données peuvent être transférées vers notre nouveau serveur.'],
  'security:security-intl': ['Wir schützen Ihre Daten durch Verschlüsselung.', 'Wir schützen Ihre Privatsphäre durch Verzicht.'],
  'data-sharing:share-third-intl': ['Nous pouvons partager vos données avec nos partenaires.', 'Nous pouvons conserver vos données sur nos serveurs.'],
  'advertising:ads-intl': ['Wir zeigen Ihnen personalisierte Werbung.', 'Wir zeigen Ihnen Ihre Bestellungen.'],
  'children:children-intl': ['Nuestros servicios no están dirigidos a niños.', 'Nuestros servicios no están disponibles los domingos.'],
  'account-termination:terminate-account-intl': ['Nous pouvons suspendre votre compte en cas d’abus.', 'Nous pouvons modifier votre commande en cas de rupture.'],
  'governing-law:governing-law-intl': ['Les présentes conditions sont soumises au droit français.', 'Les présentes conditions sont rédigées en français.'],
  'acceptable-use:prohibited-intl': ['Il est interdit de publier des contenus haineux.', 'Il est possible de publier des contenus en français.'],
  'content-license:license-intl': ['Sie räumen uns ein einfaches Nutzungsrecht an Ihren Inhalten ein.', 'Sie können Ihre Inhalte jederzeit bearbeiten.'],
  'payment:price-intl': ['El precio de la suscripción se cobra cada mes.', 'El perfil de la cuenta se actualiza cada mes.'],
  'indemnification:indemnify-intl': ['Sie stellen uns von allen Ansprüchen Dritter frei und halten uns schadlos.', 'Sie können uns alle Fragen zu Ansprüchen stellen.'],
  'ai-training:develop-models-intl': ["Nous utilisons ces données pour le développement et l'amélioration de notre IA.", 'Nous utilisons ces données pour le développement de nos services.'],
  'liability:liability-intl': ['Wir übernehmen keine Haftung für Inhalte Dritter.', 'Wir übernehmen gerne Ihre Fragen.'],
  'stance:research': ['We may use your data to conduct research on how people use the app.', 'We may use your data to answer your questions about the app.'],
  'tracking:consented-cookies': ['We set analytics cookies only with your consent.', 'We set analytics cookies when you visit the site.'],
  'content-ownership:platform-owns': ['The company owns all photos you upload to the service.', 'You own all photos you upload to the service.'],
  'stance:auto-renewal': ['Your plan renews automatically at the end of each year.', 'Your plan ends at the end of each year.'],
  'user-rights:you-can-object-intl': ['Vous pouvez vous opposer à ce traitement à tout moment.', 'Vous pouvez vous connecter à votre compte à tout moment.'],
  'stance:all-damages': ['We are not liable for any damages arising from your use of the app.', 'We are not liable for indirect damages arising from your use of the app.'],
  'dispute-resolution:all-disputes': ['Any claim between you and us will be decided by an arbitrator.', 'Any question about your order can be sent to support.'],
  'data-collection:account-details': ['Your username and date of birth', 'Your nickname and favourite colour'],
  'data-use:legal-basis': ['We rely on our legitimate interests to keep the service secure.', 'We rely on our partners to keep the service running.'],
  'retention:how-long': ['How long do we keep your data?', 'How long do we take to answer your email?'],
  'deletion:account-deletion': ['You can start the account deletion from the settings page.', 'You can start the account setup from the settings page.'],
  'eligibility:account-duties': ['You are responsible for all activity that takes place under your account.', 'You are responsible for the content you post.'],
  'content-ownership:transfer-rights': ['You transfer the copyright in your designs to the company.', 'You transfer the money in your wallet to the company.'],
  'acceptable-use:account-trading': ['You may not sell or rent your account to anyone.', 'You may not sell tickets bought through the service.'],
  'dispute-resolution:resolve-disputes': ['We will first try to settle any dispute informally.', 'We will first try to settle any invoice quickly.'],
  'indemnification:cover-losses': ['You will compensate us for any loss caused by your breach.', 'We will compensate you for any loss caused by our breach.'],
  'payment:virtual-currency': ['Coins bought in the app are virtual currency.', 'Coins found in the game can be traded with friends.'],
  'content-moderation:restrict-content': ['We may restrict access to videos that show graphic violence.', 'We may restrict access to our offices after hours.'],
  'acceptable-use:inauthentic': ['Do not create fake profiles or buy followers.', 'Do not create more than three boards on a free plan.'],
  'third-party-services:third-party-service': ['Your use of third-party apps is at your own risk.', 'We use third-party service providers to host our data.'],
};

// Further pairs for rules that gained an alternative or an exception after their first pair: each pair checks the
// alternative or exception it names (rule-examples.spec.ts runs them as it runs the pairs above). Self-written too.
export const MORE_RULE_EXAMPLES: Readonly<Record<string, ReadonlyArray<readonly [match: string, noMatch: string]>>> = {
  // A duty denied ("not obliged to keep") is not data left unkept.
  'stance:not-kept': [['We do not keep your payment details.', 'We are not obliged to keep backups of your files.']],
  'security:security': [
    ['Your account is kept secure with a password only you know.', 'We may ask for your social security number to verify your identity.'],
    ['Secure your account with a strong password.', 'A security deposit is charged for equipment rentals.'],
  ],
  // A company acquired, not signals or customers gathered.
  'business-transfer:merger': [
    ['If we are involved in an acquisition, we may transfer your information.', 'Do not analyse the output of signal acquisition systems.'],
    // Named as a heading, as selling the business, as a merger with another company, as going out of business.
    ['Business transfers', 'Bank transfers'],
    ['If we sell all or part of our business, your data may go with it.', 'We sell all of our products online.'],
    ['If our company merges with another company, your data passes to it.', 'Our team merges with the design team in May.'],
    ['If we go out of business, customer records may pass to a third party.', 'If we go out of stock, we will refund you.'],
    // The company acquired, not an office or a skill.
    ['If the company is acquired, your data may pass to the buyer.', 'We acquired a new office in Berlin last year.'],
    ['Corporate transactions', 'Card transactions'],
    // A company wound up, not damages fixed in advance.
    ['Should the company be liquidated, your data may be transferred.', 'Late payment incurs liquidated damages.'],
    ['We may share your data with potential investors.', 'We may share your data with potential employers you apply to.'],
    ['If another company buys us, it will receive your data.', 'If another customer buys the item, we will tell you.'],
  ],
  // Plural: the authorities of several countries, the representatives in the EU and the UK.
  'user-rights:complaint': [['People may also write to the data protection supervisory authorities of their country.', 'People may also write to the customer service of their country.']],
  'user-rights:representative': [['You may contact our data protection representatives in the EU and the UK.', 'You may contact our sales representatives in the EU and the UK.']],
  // A document "subject to change", not a price or a schedule.
  'policy-changes:terms-change': [['This privacy policy is subject to change without notice.', 'All prices are subject to change without notice.']],
  // The user's access ending by itself on a breach.
  'account-termination:access-ends': [
    ['Your right to use the service terminates automatically if you break these terms.', 'Your free trial ends after thirty days.'],
    ['We may restrict your access to the service for security reasons.', 'We may restrict the number of files per upload.'],
    ['We may place your account on hold during an investigation.', 'We may place your order on hold during an investigation.'],
  ],
  // A claim barred when it is brought late.
  'dispute-resolution:time-limit': [
    ['You may not bring a claim more than one year after the claim arises.', 'Refunds are not given more than one month after the purchase.'],
    ['Otherwise, the claim is waived.', 'Otherwise, the fee is waived.'],
    ['No claim may be brought more than one year after the end of the service period that is the subject of the claim.', 'No order may be returned more than one month after the date of the delivery or the pickup of the parcel.'],
  ],
  'user-rights:you-can-request': [
    // Opting out of receiving messages is the marketing-messages choice (communications), not a data-protection right.
    ['You may opt out of the sale of your personal information.', 'You may opt out of receiving our text messages.'],
    ['You are able to request a copy of your data.', 'You are able to post reviews.'],
    ['You can withdraw your consent at any time.', 'You can withhold a tip at any time.'],
    ['You may complain to your data protection authority.', 'You may comment on any post.'],
    ['You can file a complaint with us.', 'You can file a report with us.'],
  ],
  // Subsidiaries, contractors and sub-processors are recipients too.
  'data-sharing:share-third': [
    ['We share your details with our subsidiaries and contractors.', 'We share your details with no one.'],
    ['We may provide your information to companies that help us deliver the service.', 'We may provide your information to you on request.'],
    // Recipients named by their trade, and data made available.
    ['Your address is passed to the courier that delivers your parcel.', 'Your parcel is passed through the customs office.'],
    ['We may make your information available to companies in our corporate group.', 'We may make your invoices available to you in our app.'],
    ['We may provide your data to insurers and banks.', 'We may provide your data to you on paper.'],
  ],
  'international-transfer:server-location': [
    ['Some of our service providers are based outside the EU.', 'We are a company based in Ireland.'],
    ['Where your data is stored', 'How your data is stored'],
    ['We store your data in Europe.', 'We store your data in encrypted form.'],
    ['Data location', 'Data accuracy'],
  ],
  'tracking:referrer': [['We record the pages you view and the links you click.', 'We record the orders you place.']],
  'security:account-safety': [
    // A promise never to ask for the password is account safety too (the negator does not turn it against the user).
    ['We will never ask you for your password by email.', 'We will never ask you for feedback by email.'],
    ['We will never ask for your password by email.', 'We will never ask for a tip by email.'],
    ['Keep the confidentiality of your login credentials.', 'Keep the confidentiality of our price list.'],
    ['Your account is protected by a password.', 'Your account is linked to a phone number.'],
    ['Choose a strong, unique password.', 'Choose a short, unique username.'],
  ],
  'data-sharing:third-receives': [['Businesses you interact with receive your contact details.', 'Businesses you interact with receive your reviews first.']],
  // A share of a company, or a button, is no sharing of data.
  'data-sharing:share': [['We may share your address with the carrier.', 'The share price is published daily.']],
  'data-sale:data-sold': [
    ['Your email address will not be sold or rented.', 'Your email address will not be shown to other users.'],
    ['Categories of personal information sold or shared', 'Categories of personal information collected or shared'],
  ],
  'data-sale:sale-of-data': [['Sale or sharing of personal information', 'Use or sharing of personal information']],
  'data-sale:for-consideration': [
    ['We pass information to data brokers in exchange for payment.', 'You get access to premium features in exchange for payment.'],
    ['Data brokers may purchase information from us.', 'Customers may purchase gift cards from us.'],
    ['We do not exchange your personal information for money.', 'You must provide billing information for payment.'],
    ['We do not make your personal information available to others for money.', 'We do not make your personal information available to others.'],
  ],
  // A request for deletion is the deletion type (GDPR Art. 17 in the taxonomy), whoever carries it out.
  'deletion:right-to-erasure': [['You have the right to have your data erased.', 'You have the right to have your questions answered.'], ['You can request the deletion of your personal data.', 'You can request the delivery of your parcel.']],
  // Opting out of some or future messages, not only "of marketing".
  'communications:unsubscribe': [
    ['You can stop receiving texts by replying STOP.', 'You can stop the video at any time.'],
    ['Update your email preferences.', 'Update your email address.'],
    ['Manage your notification settings in the app.', 'Manage your display settings in the app.'],
    ['You can withdraw your consent to marketing at any time.', 'You can withdraw your consent to processing at any time.'],
    ['You may opt out of future emails from us at any time.', 'You may opt out of the arbitration agreement.'],
  ],
  'data-use:how-we-use': [['Why we process your data', 'Why we changed our name'], ['What we do with the information we collect', 'What we do when the service is down']],
  // Offerings picked for the user, as well as offers and products.
  'advertising:ad-platforms': [['Pinterest | Where to manage cookie settings: see your Pinterest account', 'Follow us on Pinterest, where cookie recipes are posted weekly.'], ['The TikTok Pixel is placed on our checkout page.', 'Our TikTok account posts videos of our cookies.']],
  'advertising:of-interest': [['We may recommend offerings that might be of interest to you.', 'We may recommend that you read the help pages.']],
  // "Log" as the verb of collecting, not the noun that is kept.
  'data-collection:we-collect': [['We capture the time you spend on each page.', 'Our photographers capture the moments you share with us.'], ['We log the pages you visit.', 'We never keep logs of your activity.']],
  // "Sans indemnité" (without compensation) is no indemnity.
  'indemnification:indemnify': [['You will indemnify us against any claim.', 'Nous pouvons suspendre le service sans indemnité.']],
  // Accounts in the plural.
  'account-termination:terminate-account-intl': [
    ['Nous pouvons suspendre l’accès aux comptes des clients.', 'Nous pouvons suspendre l’envoi des colis.'],
    ['Wir können den Vertrag fristlos kündigen.', 'Wir können die Lieferung fristlos verschieben.'],
    // The account first, the act after it, its participle ending in an accented letter.
    ['Votre compte peut être résilié sans préavis.', 'Votre compte peut être consulté sans préavis.'],
    ['Ihr Konto wird ohne Vorwarnung gesperrt.', 'Ihr Konto wird ohne Vorwarnung aktualisiert.'],
  ],
  // A past participle with an accented letter after the stem ("conservées"), and the data first, the act after it.
  'retention:retention-intl': [['Les données sont conservées pendant 3 ans.', 'Les données sont chiffrées pendant 3 ans.']],
  'deletion:delete-data-intl': [
    ['Vos données seront supprimées de nos serveurs.', 'Vos données seront copiées sur nos serveurs.'],
    ['Ihre Daten werden nach der Kündigung gelöscht.', 'Ihre Daten werden nach der Kündigung geprüft.'],
  ],
  // Listings and reviews taken down, users banned, personal purposes.
  'content-moderation:content-removed': [['Any listing may be removed at our discretion.', 'Any listing may be edited by its seller.'], ['We will tell you when your post was removed.', 'We will tell you when your post was liked.']],
  'account-termination:account-penalty': [['We can ban users who break the rules.', 'We can help users who break their phones.'], ['Cheating may result in the loss of your account.', 'Cheating may result in the loss of your progress.']],
  'eligibility:non-commercial': [['You may use the service only for personal purposes.', 'You may use the service for the purposes of this policy.']],
  // Anonymous data is aggregated data, not an anonymous user.
  'data-use:aggregate': [['We only keep anonymous data about visits.', 'You can post without a name.']],
  'eligibility:identity': [['You may use the service anonymously.', 'We only keep anonymous data.']],
  // Private files as well as messages.
  'data-collection:private-content': [['Our staff may look at your private files when needed.', 'Our staff may look at your public profile when needed.']],
  // Browsing on other sites.
  'tracking:cross-site': [['Our partners may follow your browsing on other sites.', 'Our partners may follow our guidelines on other matters.']],
  // Collected data named first, and the French, German and Spanish passives.
  'data-collection:collect-intl': [['Les renseignements que vous fournissez sont recueillis par notre équipe.', 'Les colis que vous commandez sont expédiés par notre équipe.']],
  // The user banned, not only the account; access restricted rather than ended.
  'account-termination:account-terminated': [['Members will be permanently banned for posting spam.', 'Members will be notified about new features.'], ['After two years of inactivity, unused profiles may be closed.', 'After two years of inactivity, we send you a reminder.'], ['Members who post spam may be removed from the forum.', 'Members who post spam may be removed from the mailing list.']],
  // Flash cookies and other local shared objects.
  'tracking:trackers': [
    ['Some games store Flash cookies on your computer.', 'Some games store saved levels on your computer.'],
    ['We use session replay tools to see how our pages are used.', 'We use replay buttons on our videos.'],
    ['We use device identifiers to recognise your device when you return.', 'We use device identifiers to send you security alerts.'],
    ['We measure how often you open our emails.', 'We measure how often you visit our stores.'],
  ],
  // The user following an order or a workout is no tracking of them.
  'tracking:track': [['We track the links you click.', 'You can track the status of your order online.']],
  // Countries whose laws protect data less.
  'international-transfer:safeguards': [
    ['Your data may be processed in countries with different data protection laws.', 'Our staff work in countries with different holidays.'],
    ['We rely on the EU-US Data Privacy Framework for these transfers.', 'We rely on the EU-US trade agreement for these shipments.'],
    ['The laws of those countries may differ from the laws of your country.', 'Opening hours in those countries may differ from yours.'],
    ['Your data may go to a country whose laws are less strict than yours.', 'Your data may go to a country you have visited.'],
    ['Cross-border data transfers', 'Cross-border shipping'],
    ['Some countries do not ensure an adequate level of protection.', 'Some countries do not ensure an adequate level of funding.'],
  ],
  'advertising:ads': [
    // Ads denied are a promise that outweighs the type's lean ("your data is never used to target ads").
    ['There are no ads in the app.', 'There are no fees in the app.'],
    ['Our advertising is tailored to you.', 'Job advertisements must describe the role.'],
    ['Your ad choices', 'Your choices'],
    ['Our ad-supported plan shows commercials between videos.', 'Our family plan shows cartoons between videos.'],
  ],
  // One child as well as children.
  'children:children-data': [['If we learn that we hold personal data of a child, we delete it.', 'If we learn that we hold personal data of a customer, we tell them.']],
  // A notice period ("30 days' notice") is not a notice document.
  'policy-changes:change-terms': [
    ['We may amend this privacy notice.', "We may change our prices with 30 days' notice."],
    ['We may modify this Usage Policy at any time.', 'We may modify generated answers whose prompts breach our usage policy.'],
    ['Amendments', 'Amenities'],
  ],
  // "Its own terms", "those services' terms".
  'third-party-services:their-policy': [['When you use a partner app, its own terms apply.', 'When you use a partner app, your settings apply.'], ['Payments are subject to the terms of that provider.', 'Payments are subject to the terms below.'], ["Signing in with a partner account is subject to that provider's terms.", 'Signing in with a partner account is subject to a check.'], ['Read the privacy policies of other websites you visit.', 'Read the privacy policy of our website carefully.'], ["Apps from other developers are subject to the developer's terms.", 'Apps from other developers are reviewed by our team.'], ['Sellers sell under their own conditions of sale.', 'Sellers sell under our delivery rules.']],
  // Linked sites run by others.
  'third-party-services:external': [['Our pages may contain links to websites operated by others.', 'Our pages may contain pictures of websites we built.'], ['The app may link to pages that we do not control.', 'The app may link to pages that we update every day.']],
  // The data the service processes or holds, not only what it "collects".
  'data-collection:categories': [['The personal data we process includes your contact details.', 'The personal data we process is described in the annex.']],
  // A refusal to ask for data is about collection too.
  'data-collection:ask-for': [['We do not require you to provide any personal information.', 'We do not require you to pay for the basic plan.']],
  // Reading the phone's contacts or photos.
  'data-collection:permissions': [['The app may access your contacts if you allow it.', 'The app may access the internet if you allow it.']],
  // Access limited to staff who need it, and security tests.
  'security:measures': [
    ['We limit access to your information to authorised personnel.', 'We limit access to the beta to invited teams.'],
    ['Access to personal data is limited to authorised staff.', 'Access to the beta is limited to ten teams.'],
    ['We regularly test our systems for vulnerabilities.', 'We regularly test our recipes for taste.'],
  ],
  // Newsletters and promotions sent to the user.
  'communications:service-messages': [['Messages from us', 'Messages from other users']],
  'communications:messages': [['We may send you a text message.', 'We may send you a parcel.']],
  'communications:promotional': [
    // Promotions by text or call.
    ['You agree to receive marketing text messages from us.', 'You agree to receive order updates by text message.'],
    ['We may send you promotional emails.', 'We may send you receipts by email.'],
    ['We may send you newsletters about new features.', 'We may send you a replacement part.'],
    ['We may send you information about our products.', 'We may send you information about your order.'],
  ],
  // A refusal to sell that names the data by a pronoun or an identifier.
  'data-sale:sell-data': [
    ['Your data is yours and we will never sell it.', 'We make shirts and we sell them in our shop.'],
    ['We never rent or sell your email address.', 'We never rent or sell our office space.'],
  ],
  // "You will not be able to ..." states a consequence, not a prohibition.
  'acceptable-use:prohibited': [['You may not resell access to the service.', 'If you block cookies, you may not be able to sign in.'], ['Members may not post ads in the forum.', 'Members may not be able to see old posts.']],
  // Keeping up with changes without the word "check".
  'policy-changes:check-for-changes': [
    ['Please take note of any changes to this policy.', 'Please take note of your order number.'],
    ['We encourage you to read this policy regularly.', 'We encourage you to read our blog regularly.'],
  ],
  'policy-changes:review-periodically': [['Review this policy whenever you use the service.', 'Contact us whenever you need help.']],
  // The date of the last update, a reserved right to change and "subject to change" in German and French.
  'policy-changes:policy-changes-intl': [
    ['Nous pouvons modifier le présent avis de confidentialité de temps à autre.', 'Nous pouvons modifier le présent mot de passe de temps à autre.'],
    ['Diese Erklärung wurde zuletzt am 01.03.2024 aktualisiert.', 'Diese Erklärung wurde von unserem Team geschrieben.'],
    ['Wir behalten uns Änderungen dieser Hinweise vor.', 'Wir behalten uns das Recht auf Schadenersatz vor.'],
    ['Sujet à modification sans préavis.', 'Sujet à disponibilité en magasin.'],
  ],
  // Approximate location worked out from an IP address is not precise geolocation.
  // A commitment to privacy in general names no safeguard.
  'security:protect': [['Our staff protect the information you give us.', 'We are committed to protecting your privacy.']],
  'ip-infringement:dmca': [['Counter notices should be sent to our Copyright Designated Agent.', 'Notices about your order are sent to your email address.'], ['Send trademark complaints to our legal team.', 'Send billing complaints to our support team.'], ['Rights holders may ask us to take down a copy.', 'Account holders may ask us to close an account.'], ['Copyright policy', 'Cookie policy'], ['Our notice-and-takedown procedure is described below.', 'Our returns procedure is described below.']],
  // Copying others' content is a rule of conduct, not the user's right to a copy.
  'user-rights:copy-export': [['You can receive your data in a structured, commonly used format.', 'You can receive your invoice in a printed format.'], 
    ['You can export all your content at any time.', "Do not copy, download or share other people's content without their permission."],
    ['You can download a copy of the content you posted.', 'You can download the content of our help centre.'],
  ],
  // Reporting other people's behaviour, or blocking them: the moderation tools.
  'content-moderation:reported': [['Read how to report such behaviour to our team, and how to block someone you met here.', 'Here are steps you can take to update your profile picture.'], ['We review messages that are reported as abusive.', 'We review messages that are sent to support.']],
  // A provision of a law named by its number is no age.
  'eligibility:minimum-age': [['You must be over 16 to sign up.', 'We appointed a representative under Article 27 of the law.'], ['You must be at least 18 to sign up.', 'Our staff have over 15 years of experience.']],
  // Another subject removing in the same sentence is not the user deleting.
  'deletion:you-delete': [['You can at any time delete or remove your posts.', 'We may publish any material you may send us, and the company may remove it at any time.']],
  // A sanction for breaking the rules is no usage limit of a plan.
  'payment:throttle': [['If you exceed the limits of your plan, we may throttle your requests.', 'If you break these rules, we can throttle or suspend your account.']],
  'sensitive-data:location': [
    ['The app reads your device location to show nearby stores.', 'We show your location information derived from your IP address to pick a language.'],
    // Where the user lives decides which rights apply: no location data is collected.
    ['We record your location every time you open the map.', 'Depending on your location, the law may give you rights over your personal information.'],
  ],
  // The competent authorities and their orders, not only the police by name.
  'law-enforcement:authorities': [
    ['We may report unlawful material to the relevant authorities.', 'We may report outages to the relevant teams.'],
    ['We may disclose data in response to a warrant.', 'You warrant that you own the content you post.'],
    // Authorities named by their field, or as the source of a request.
    ['We may disclose information to tax authorities.', 'We may disclose information to our accountants.'],
    ['Responding to requests from authorities', 'Responding to requests from customers'],
    ['Authorities may request access to your data.', 'Authors may request access to your data.'],
    ['We may share information with public bodies.', 'We may share information with public posts.'],
    ['Emergency requests', 'Feature requests'],
  ],
  'law-enforcement:required-by-law': [
    ['We may release information when disclosure is necessary to comply with the law.', 'We may release new features when they are ready.'],
  ],
  // Data kept in several countries.
  'international-transfer:transfer-abroad': [
    ['Your data will not be transferred abroad.', 'Your data will not be transferred to advertisers.'],
    ['Your data may be stored in various countries where our providers operate.', 'Your data may be stored in various formats.'],
    ['We may transfer data to a third country.', 'We may transfer data to a third party.'],
    ['We may process your data in countries other than yours.', 'We may process your data in ways other than these.'],
    ['Your information may be transferred across national borders.', 'Your information may be transferred across devices.'],
  ],
  // Where to send questions.
  'communications:contact-us': [
    ['Any complaints should be directed to our privacy team.', 'Any parcels should be directed to our warehouse.'],
    ['Get in touch with our team.', 'Get in line at the counter.'],
  ],
  // A data breach and unencrypted transfer in French.
  'security:security-intl': [['Vos données sont protégées par des mesures de sécurité adaptées.', 'Nous pouvons demander votre numéro de sécurité sociale.'], ["Nous vous informerons de toute violation de données vous concernant.", "Nous vous informerons de toute modification de votre commande."]],
  // The platform's own reserved right and the rights the contract gives are not data-protection rights; asking the provider
  // to stop, to correct or to say what it holds is a data-subject request.
  'user-rights:right-to': [['Your choices and rights', 'Your choices and preferences'], 
    ['You have the right to access the personal data we hold.', 'We reserve the right to access any account to investigate fraud.'],
    ['Read more about your rights below.', 'Your rights under this agreement cannot be transferred.'],
    ['You have a right to ask us to stop using your data.', 'You have a right to ask us for a paper invoice.'],
    ['You can submit a request to know what data we hold.', 'You can submit a request to change your delivery slot.'],
  ],
  // A body part's scan or geometry is biometric data without the word.
  'sensitive-data:biometric': [['We use speaker recognition to confirm it is you.', 'We use speech recognition to turn your words into text.'], ['We store scans of your face to let you sign in.', 'We store photos you choose for your profile.']],
  // Health data worded as information about it.
  'sensitive-data:special-categories': [['We never process data revealing your religion.', 'We never process data revealing your password.'], ['We may process special categories of personal data with your consent.', 'We may process special offers for personal accounts with your consent.'], ['Information about your physical or mental health is never shared.', 'Information about your physical or postal address is never shared.'], ['We may ask about criminal convictions for some roles.', 'We may ask about previous employers for some roles.'], ['The watch records your heart rate while you run.', 'The watch records your route while you run.'], ['We ask for information about your health to tailor the workouts.', 'We ask for information about your goals to tailor the workouts.'], ['Advertisers may not use data that reveals sensitive characteristics to choose an audience.', 'Advertisers may not use data that reveals private messages to choose an audience.']],
  // Keeping on using the service is continued use, not data kept.
  'policy-changes:continued-use': [['If you keep using the app, you accept the changes.', 'If you keep your receipt, you can return the item.']],
  'retention:retain': [['Data is held for two years after your last order.', 'Hold the power button for three seconds to restart.'], ['Your photos are stored for 30 days.', 'Orders can be collected from the store after two hours.'], ['We keep your messages for 30 days after you delete them.', 'If you keep using the app after that, the change applies to you.']],
  // Changes that take effect once they are published.
  'policy-changes:effective-on-posting': [['Changes take effect as soon as we post them on this page.', 'Changes take effect 30 days after we email you.'], ['The new terms apply from the date they are published.', 'The new terms apply to all users in the country.']],
  // Accepting the new terms is no new version named as a subject.
  'policy-changes:new-version': [['We keep the new version of the terms on this page.', 'By continuing you accept the new terms.']],
  // The protection of the law where the user lives, kept beside the chosen law.
  'governing-law:your-law': [
    ['You keep the protection of the mandatory laws of the country where you live.', 'You keep the protection of the warranty in the country where you bought it.'],
    // The user's own courts named as theirs.
    ['You can sue us in your home courts.', 'You can sue us in our home courts.'],
  ],
  // A licence confined to running the service, said with "limited to".
  'content-license:purpose-limited-license': [['The licence you grant us is limited to operating the service.', 'The licence you grant us is not limited to the service.']],
  // "Conduct" as the verb of a purpose is no rule of conduct.
  'acceptable-use:conduct': [['Your conduct on the service must be respectful.', 'We may use your data to conduct research.'], ['Your conduct in the forum must be civil.', 'We do not conduct any profiling of our users.'], ['Respect the privacy of others in the chat.', 'Respect the opening hours of the shop.']],
  // German puts the verb last: "um unsere KI-Modelle zu trainieren".
  'ai-training:train-models-intl': [['Wir verwenden Ihre Beiträge, um unsere KI-Modelle zu trainieren.', 'Wir verwenden Ihre Beiträge, um unsere Mitarbeiter zu schulen.']],
  // Advertisers named as recipients in French, German and Spanish.
  'data-sharing:share-third-intl': [['Nous partageons certaines données avec des annonceurs.', 'Nous partageons certaines astuces avec nos lecteurs.'], ['Compartimos datos con anunciantes.', 'Compartimos consejos con lectores.']],
  // Not read across a clause on the user's own act ("... when you close your account").
  // Vocabulary widened from self-written probe sentences (type-probes.a.spec.ts), each with its near miss.
  'deletion:account-deletion': [['To delete your account, open the settings page.', 'We may delete your account if you break these terms.'], ['Users can delete their account at any time.', 'Users can report posts to our moderators.']],
  'data-collection:collect': [['We collect the details of your orders.', 'Orders can be collected from the store after two hours.'], ['Our collection of your data is limited.', 'Our collection of sneakers is updated every season.'], ['Members collect data on their own devices.', 'Members collect reward points on every purchase.']],
  'data-use:data-used-to': [['Your personal data is processed to handle your returns.', 'Your personal data is protected to the highest standard.']],
  'data-use:purposes': [['We process your data for the purposes listed below.', 'You may use the service for non-commercial purposes only.']],
  'ai-training:train-models': [['You can opt out of model training in your settings.', 'You can opt out of marketing emails in your settings.'], ['Your photos may be used to teach our algorithms to spot objects.', 'Your photos may be used to teach other users new tricks.']],
  'ai-training:develop-models': [['Your recordings help us improve our speech recognition models.', 'Your recordings help us improve our customer support.']],
  'retention:as-long-as-needed': [['When we no longer need your data, we delete it.', 'If you no longer need your account, you can close it.']],
  'user-rights:exercise-rights': [['To exercise any of these rights, write to us.', 'We may exercise any of these rights without notice.']],
  'children:children': [['Teen accounts are private by default.', 'Team accounts are private by default.']],
  'account-termination:terminate-account': [['We may delete your profile and account if you break these terms.', 'We delete your messages if you ask us to, but keep your account open.'], ['We may end your membership if you misuse the service.', 'Your plan stays active until the end of your membership year.']],
  // Permission rather than a right, and the use of the content allowed or authorised.
  'content-license:right-to-reproduce': [['You give us permission to copy and publish the photos you upload.', 'You give us permission to contact you by email.'], ['You allow us to display your posts on our partner sites.', 'You allow us to display your name to your contacts.'], ['You grant other members the right to view and share your public posts.', 'You grant other members the right to view the event calendar.']],
  // A driving licence is a document the user shows, not a licence over content.
  'content-license:license': [['We license the photos you post to our partners.', 'Upload a copy of your driving licence to rent a car.']],
  // Rights that remain with the user; outputs the user owns.
  'content-ownership:belongs-to-user': [['All rights in your uploads remain with you.', 'All copies of your uploads remain on our servers.'], ['You own the outputs you create with the tool.', 'You see the outputs you create with the tool.'], ['Your photos remain yours.', 'Your photos remain online.']],
  // Ownership asked as a heading.
  'content-ownership:ownership': [['Who owns the photos you upload', 'Who sees the photos you upload'], ['Who owns your content', 'Who owns the company that runs the app']],
  // Everything the user posts, named without a noun.
  'content-ownership:platform-owns': [['We own anything you post in the forum.', 'We review anything you post in the forum.'], ['We do not own the content you store with us.', 'We do not scan the content you store with us.']],
  // No duty to moderate, said with "not obliged".
  'content-moderation:no-obligation': [['We are not obliged to review the comments users post.', 'We are not obliged to keep your order open.']],
  // Deceiving others: deceptive messages, phishing.
  'acceptable-use:bad-content': [['Do not send deceptive or phishing messages.', 'Do not send messages twice.']],
  // Who may use the service, and a service open only to residents of a place.
  'eligibility:eligible': [['Who may use the app', 'How to use the app'], ['The service is open only to residents of Canada.', 'The service is open only to paying subscribers.'], ['You must be a resident of Australia to enter.', 'You must be a member of the club to enter.']],
  // The same services named alone, as a heading.
  'third-party-services:third-party-service': [['3. Third-party services', '3. Third-party service providers we use']],
  // Account rules named as requirements, or one of something per person.
  'eligibility:registration': [['Account requirements', 'Account settings'], ['Only one free trial per household.', 'Only one free trial is shown at a time.']],
  // Not held accountable.
  'liability:no-control': [['We will not be held accountable for delays caused by carriers.', 'We will be accountable to you for how we use your data.']],
  // Implied terms excluded.
  'liability:disclaim': [['All implied terms are excluded to the extent the law allows.', 'All the terms below apply to the extent the law allows.']],
  'indemnification:cover-losses': [
    // The platform's legal costs named as such.
    ['You agree to cover our legal costs if someone sues us over your posts.', 'You agree to cover your own travel costs.'],
    ['You agree to shield the company against any claims caused by your posts.', 'You agree to shield your password against anyone who asks for it.'],
    ['You are liable to us for any claims caused by your content.', 'You are liable to pay the fees shown at checkout.'],
    ['You will pay any costs we face from claims over your uploads.', 'You will pay any costs shown on the invoice.'],
  ],
  // A card or account debited.
  'payment:billing': [['Your account will be debited each month.', 'Your account will be reviewed each month.']],
  // The service closed down.
  'account-termination:stop-service': [['We may close the app down at any time.', 'We may close the app for maintenance at night.']],
  // Group claims ruled out in plain words.
  'dispute-resolution:class-action': [['Claims must be brought individually, not as part of a group.', 'Claims must be brought individually, with a copy of the receipt.']],
  // Content declined rather than removed.
  'content-moderation:remove-content': [['We may decline to publish reviews that break these rules.', 'We may decline to share your reviews with advertisers for money.']],
  // Decisions on content.
  'content-moderation:moderation': [['You can challenge content decisions in the app.', 'You can challenge billing decisions in the app.']],
  // A retention period that follows deletion ("we delete it within 30 days after you close your account") is no copy kept.
  'retention:after-deletion': [['We keep a copy even after you delete your account.', 'We erase your files within 30 days after you close your account.']],
  // Deletion within a short stated period is a bound on keeping data.
  'stance:bounded-retention': [['Server logs are deleted after seven days.', 'Server logs are deleted when you ask.']],
  // The passive, the data first: "is not shared with anyone".
  'data-sharing:disclose-to-anyone': [['Your address is never shared with anyone.', 'Your address is shared with the courier.']],
  // Purposes beyond the stated ones.
  'data-use:many-purposes': [['We may use your data for purposes not described in this notice.', 'We use your data for the purposes described in this notice.']],
  // Ads switched off as well as opted out of.
  'advertising:opt-out-ads': [['You can turn off personalised ads in settings.', 'You can turn off notifications in settings.']],
  // Stances changed: a passive collection negated, promotions and robocalls, a transfer abroad negated, data minimisation.
  'data-collection:data-collected': [['No information is collected unless you sign in.', 'No information is shown unless you sign in.']],
  'communications:automated-calls': [['We may call you with prerecorded messages.', 'We may call you about your order.']],
  'data-use:minimisation': [['We process only the minimum data necessary.', 'We process the data you send.']],
  // A limit set by the user's own step: "we only send newsletters if you sign up for them".
  'stance:only-with-consent': [
    ['We will only send you newsletters if you sign up for them.', 'We will send you newsletters when you sign up.'],
    ['We process your voice data only with your written consent.', 'We process your voice data with your consent in writing.'],
  ],
  // Data that stays on the user's device, not content that stays in their account.
  'stance:data-stays-local': [['Your voice data stays on your device.', 'Your posts stay in your account after you cancel.']],
  // Belief decides a disclosure, not a warning ("if we believe your account is at risk, we will tell you").
  'stance:on-belief': [['We may act whenever we see fit.', 'If we believe your account is at risk, we will tell you.']],
  // A setting that helps the user turned off is no privacy default.
  'stance:private-by-default': [['By default, your profile is private.', 'Two-factor sign-in is disabled by default.']],
  'stance:public-by-default': [['Your playlists are visible to everyone by default.', 'Two-factor sign-in is on by default.']],
  // The user left uninformed or unasked, in verbs rather than nouns.
  'stance:without-notice': [['We may remove it without telling you.', 'We may remove it after telling you.']],
  'stance:without-consent': [['We may charge your card without asking you first.', 'We may charge your card after asking you first.']],
  // The user told, in the passive.
  'stance:notify': [
    ['You will be notified before the change applies.', 'You will be charged before the change applies.'],
    ['You will receive an email a week before your plan renews.', 'You will receive an email a week after your plan renews.'],
  ],
  // The platform named the owner without the word "property".
  'content-ownership:become-property': [
    ['Anything you upload belongs to the company.', 'Anything you upload belongs to you.'],
    ['Your contributions are assigned to us.', 'Your contributions are shown to us.'],
  ],
  // Everything but the listed use forbidden.
  'stance:not-expressly-permitted': [['The app is for personal use; any other use is prohibited.', 'The app is for personal use; any other user is welcome.']],
  // The changed document named rather than the change.
  'policy-changes:notify-changes': [['We will inform you before the revised terms apply.', 'We will inform you before the revised price applies.']],
  // Connections to other apps undone by the user.
  'stance:user-can': [['You can disconnect connected apps at any time.', 'You can connect other apps at any time.']],
  // One word between the promise and its verb.
  'stance:refund-promise': [['We will promptly refund the difference.', 'We will promptly send the difference.']],
};
