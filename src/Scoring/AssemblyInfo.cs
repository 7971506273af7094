namespace SocialWatch.Scoring;
