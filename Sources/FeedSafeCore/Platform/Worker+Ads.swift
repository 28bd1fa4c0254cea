extension Worker {
  /// After an organic impression, fills the following slot with an ad with probability
  /// `adLoad ÷ (1 − adLoad)`, so that ads are `adLoad` of all slots. The ad is chosen among a few
  /// drawn candidates by the person's targeting mode: on the profile (`interest`) where profiling,
  /// personalised ads and the policy allow it; otherwise on the item just viewed (`contextual`).
  /// In every mode only ads whose advertiser's age gate admits the assessed age compete
  /// (`demographic`), as real ad platforms apply an age setting to every targeting mode; what still
  /// reaches declared minors is the advertisers who set no gate (the leakage the ASA measured).
  /// Restricted categories are withheld where the policy blocks them.
  mutating func serveAds(after item: Int, person: Int, context: ArmContext, rng: inout RandomStream)
  {
    let spec = context.platformSpec.ads
    let inventory = context.world.ads
    guard spec.adLoad > 0, inventory.count > 0, rng.bernoulli(spec.adLoad / (1 - spec.adLoad))
    else { return }
    let local = person - people.lowerBound
    let policy = context.policies[context.assessedBand[person].position]
    let assessedAge = Int16(context.assessedAge[person])
    let profiled = context.platform.profiledAds[person]
    var best = -1
    var bestScore: Float = -1
    for _ in 0..<max(1, spec.candidatesPerSlot) {
      let ad = rng.index(below: inventory.count)
      if policy.blocksRestrictedAds && inventory.isRestricted[ad] { continue }
      guard inventory.minimumAge[ad] <= assessedAge else { continue }
      let dimension = Int(inventory.dimension[ad])
      let score: Float
      if profiled {
        score = state.profile[local, dimension]
      } else {
        score = context.world.catalogue.embedding[item, dimension]
      }
      if score > bestScore {
        best = ad
        bestScore = score
      }
    }
    guard best >= 0 else { return }
    platformTally.ads[local] += 1
    // An ad sits on one topic, so its alignment with the person's interests is that component.
    platformTally.adInterestAlignment[local] += Double(
      state.interests[local, Int(inventory.dimension[best])])
    if inventory.isRestricted[best] { platformTally.restrictedAds[local] += 1 }
    if profiled { platformTally.profiledAds[local] += 1 }
  }

  /// Counts an impression of unlabelled commercial content and how closely it matches the
  /// person's interests at that moment (the dot product of two unit vectors, in [0, 1]), the
  /// same measure as for ads, so profiled creator content and ads can be compared.
  mutating func countCommercialImpression(of item: Int, local: Int, context: ArmContext) {
    let alignment = state.interests.dot(local, context.world.catalogue.embedding, item)
    platformTally.commercialImpressions[local] += 1
    platformTally.commercialInterestAlignment[local] += Double(alignment)
  }
}
