using System.ComponentModel.DataAnnotations;
using SocialWatch.Core.Brands;

namespace SocialWatch.Ingest.Tests.Brands;

[TestClass]
public sealed class BrandsOptionsTests
{
    [TestMethod]
    public void Validate_NamesEachConfiguredBrandProblem_WithItsIndex()
    {
        var options = new BrandsOptions
        {
            Brands =
            [
                new Brand { Name = "Acme Air", Feeds = [new BrandFeed { Name = "news", Url = new Uri("https://news.example/acme.rss") }] },
                new Brand { Name = "acme air" },
                new Brand { Name = "Bad:Name" },
                new Brand { Name = "Globex", Feeds = [new BrandFeed { Name = "files", Url = new Uri("ftp://files.example/feed") }] },
                new Brand { Name = "Initech", YouTubeChannels = ["UCinitechOfficial0000aB_", "@initech"] },
            ],
        };

        var errors = options.Validate(new ValidationContext(options)).Select(e => e.ErrorMessage).ToList();

        Assert.HasCount(4, errors);
        StringAssert.Contains(errors[0], "Brands:1:Name 'acme air' is used by more than one brand");
        StringAssert.Contains(errors[1], "Brands:2:Name 'Bad:Name' may not contain ':'");
        StringAssert.Contains(errors[2], "Brands:3:Feeds: Feed 'files' needs an absolute http or https URL");
        StringAssert.Contains(errors[3], "Brands:4:YouTubeChannels: YouTube channel '@initech' is not a channel id");
    }
}
