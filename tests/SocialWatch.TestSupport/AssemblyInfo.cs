namespace SocialWatch.TestSupport;
